/**
 * Names of well-known assets, for a relay whose sources give none (an exchange lists `BTC`,
 * not "Bitcoin") and for the demo market. A name is not a figure: giving one never invents
 * data, and an asset not here is named by its code.
 */
export const ASSET_NAMES: Readonly<Record<string, string>> = {
  BTC: 'Bitcoin',
  ETH: 'Ethereum',
  USDT: 'Tether',
  SOL: 'Solana',
  BNB: 'BNB',
  XRP: 'XRP',
  USDC: 'USD Coin',
  ADA: 'Cardano',
  DOGE: 'Dogecoin',
  TRX: 'TRON',
  TON: 'Toncoin',
  AVAX: 'Avalanche',
  SHIB: 'Shiba Inu',
  DOT: 'Polkadot',
  LINK: 'Chainlink',
  BCH: 'Bitcoin Cash',
  NEAR: 'NEAR Protocol',
  LTC: 'Litecoin',
  MATIC: 'Polygon',
  UNI: 'Uniswap',
  ICP: 'Internet Computer',
  PEPE: 'Pepe',
  APT: 'Aptos',
  XLM: 'Stellar',
  ETC: 'Ethereum Classic',
  ATOM: 'Cosmos Hub',
  FIL: 'Filecoin',
  HBAR: 'Hedera',
  ARB: 'Arbitrum',
  OP: 'Optimism',
  SUI: 'Sui',
  AAVE: 'Aave',
  ALGO: 'Algorand',
  VET: 'VeChain',
};

/** An asset's name for readers: its known name, else its code. */
export const assetName = (asset: string): string => ASSET_NAMES[asset] ?? asset;
