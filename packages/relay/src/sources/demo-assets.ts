/**
 * The demo market's listing: realistic starting prices (USD), yearly volatility, daily
 * traded value and supply, so that moves, volumes and market caps look like a market's. Values are round
 * approximations of late-2024 markets; they are a simulation's seed, not data.
 */
export interface DemoAsset {
  /** Starting price in the quote currency. */
  price: number;
  /** Annualised volatility: 0.6 means a one-sigma yearly move of 60 %. */
  volatility: number;
  /** Typical traded value over 24 h, in the quote currency. */
  dailyValue: number;
  /** Units in circulation: the simulated market cap is this times the simulated price. */
  supply: number;
  /** Units there will ever be, where capped: the fully diluted value's; absent = `supply`. */
  maxSupply?: number;
}

export const DEMO_ASSETS: Readonly<Record<string, DemoAsset>> = {
  BTC: { price: 67_250, volatility: 0.55, dailyValue: 28e9, supply: 19.7e6, maxSupply: 21e6 },
  ETH: { price: 3_480, volatility: 0.7, dailyValue: 14e9, supply: 120.3e6 },
  USDT: { price: 1, volatility: 0.005, dailyValue: 45e9, supply: 118e9 },
  SOL: { price: 152, volatility: 0.95, dailyValue: 3.1e9, supply: 465e6 },
  BNB: { price: 585, volatility: 0.6, dailyValue: 1.6e9, supply: 146e6, maxSupply: 200e6 },
  XRP: { price: 0.52, volatility: 0.85, dailyValue: 1.2e9, supply: 56e9, maxSupply: 100e9 },
  USDC: { price: 1, volatility: 0.005, dailyValue: 6e9, supply: 34e9 },
  ADA: { price: 0.45, volatility: 0.85, dailyValue: 3.5e8, supply: 35e9, maxSupply: 45e9 },
  DOGE: { price: 0.152, volatility: 1.1, dailyValue: 1.1e9, supply: 146e9 },
  TRX: { price: 0.121, volatility: 0.5, dailyValue: 3.2e8, supply: 87e9 },
  TON: { price: 6.8, volatility: 0.9, dailyValue: 2.8e8, supply: 2.5e9, maxSupply: 5.1e9 },
  AVAX: { price: 35.2, volatility: 0.95, dailyValue: 3.9e8, supply: 400e6, maxSupply: 720e6 },
  SHIB: { price: 0.00002341, volatility: 1.2, dailyValue: 5.2e8, supply: 589e12 },
  DOT: { price: 6.52, volatility: 0.85, dailyValue: 2.1e8, supply: 1.44e9 },
  LINK: { price: 15.1, volatility: 0.9, dailyValue: 4.1e8, supply: 608e6, maxSupply: 1e9 },
  BCH: { price: 455, volatility: 0.8, dailyValue: 3.4e8, supply: 19.7e6, maxSupply: 21e6 },
  NEAR: { price: 5.4, volatility: 1.0, dailyValue: 2.6e8, supply: 1.1e9 },
  LTC: { price: 80.5, volatility: 0.7, dailyValue: 3.7e8, supply: 75e6, maxSupply: 84e6 },
  MATIC: { price: 0.71, volatility: 0.95, dailyValue: 2.4e8, supply: 9.3e9, maxSupply: 10e9 },
  UNI: { price: 8.1, volatility: 1.0, dailyValue: 1.7e8, supply: 600e6, maxSupply: 1e9 },
  ICP: { price: 10.2, volatility: 1.0, dailyValue: 1.1e8, supply: 470e6 },
  PEPE: { price: 0.00001052, volatility: 1.4, dailyValue: 6.3e8, supply: 420e12 },
  APT: { price: 9.1, volatility: 1.0, dailyValue: 1.5e8, supply: 460e6 },
  XLM: { price: 0.108, volatility: 0.8, dailyValue: 7.5e7, supply: 29e9, maxSupply: 50e9 },
  ETC: { price: 25.3, volatility: 0.85, dailyValue: 1.8e8, supply: 148e6, maxSupply: 210e6 },
  ATOM: { price: 8.2, volatility: 0.9, dailyValue: 1.4e8, supply: 390e6 },
  FIL: { price: 5.6, volatility: 1.0, dailyValue: 1.9e8, supply: 590e6, maxSupply: 1.96e9 },
  HBAR: { price: 0.081, volatility: 1.0, dailyValue: 6.1e7, supply: 36e9, maxSupply: 50e9 },
  ARB: { price: 1.12, volatility: 1.1, dailyValue: 3.3e8, supply: 3.2e9, maxSupply: 10e9 },
  OP: { price: 2.31, volatility: 1.1, dailyValue: 2.2e8, supply: 1.1e9, maxSupply: 4.29e9 },
  SUI: { price: 1.02, volatility: 1.2, dailyValue: 2.9e8, supply: 2.7e9, maxSupply: 10e9 },
  AAVE: { price: 95.4, volatility: 1.0, dailyValue: 1.6e8, supply: 15e6, maxSupply: 16e6 },
  ALGO: { price: 0.181, volatility: 0.9, dailyValue: 4.9e7, supply: 8.2e9, maxSupply: 10e9 },
  VET: { price: 0.031, volatility: 0.95, dailyValue: 3.8e7, supply: 81e9, maxSupply: 86.7e9 },
};

/**
 * The demo market's fiat currencies: the dollars one unit is worth, fixed. Round figures of
 * late 2024, simulated like everything in this market — never a real exchange rate.
 */
export const DEMO_FX: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CHF: 1.13,
  JPY: 0.0067,
  CAD: 0.73,
  AUD: 0.66,
};
