/**
 * The demo market's listing: realistic starting prices (USD), yearly volatility and daily
 * traded value, so that moves and volumes look like a market's. Values are round
 * approximations of late-2024 markets; they are a simulation's seed, not data.
 */
export interface DemoAsset {
  /** Starting price in the quote currency. */
  price: number;
  /** Annualised volatility: 0.6 means a one-sigma yearly move of 60 %. */
  volatility: number;
  /** Typical traded value over 24 h, in the quote currency. */
  dailyValue: number;
}

export const DEMO_ASSETS: Readonly<Record<string, DemoAsset>> = {
  BTC: { price: 67_250, volatility: 0.55, dailyValue: 28e9 },
  ETH: { price: 3_480, volatility: 0.7, dailyValue: 14e9 },
  USDT: { price: 1, volatility: 0.005, dailyValue: 45e9 },
  SOL: { price: 152, volatility: 0.95, dailyValue: 3.1e9 },
  BNB: { price: 585, volatility: 0.6, dailyValue: 1.6e9 },
  XRP: { price: 0.52, volatility: 0.85, dailyValue: 1.2e9 },
  USDC: { price: 1, volatility: 0.005, dailyValue: 6e9 },
  ADA: { price: 0.45, volatility: 0.85, dailyValue: 3.5e8 },
  DOGE: { price: 0.152, volatility: 1.1, dailyValue: 1.1e9 },
  TRX: { price: 0.121, volatility: 0.5, dailyValue: 3.2e8 },
  TON: { price: 6.8, volatility: 0.9, dailyValue: 2.8e8 },
  AVAX: { price: 35.2, volatility: 0.95, dailyValue: 3.9e8 },
  SHIB: { price: 0.00002341, volatility: 1.2, dailyValue: 5.2e8 },
  DOT: { price: 6.52, volatility: 0.85, dailyValue: 2.1e8 },
  LINK: { price: 15.1, volatility: 0.9, dailyValue: 4.1e8 },
  BCH: { price: 455, volatility: 0.8, dailyValue: 3.4e8 },
  NEAR: { price: 5.4, volatility: 1.0, dailyValue: 2.6e8 },
  LTC: { price: 80.5, volatility: 0.7, dailyValue: 3.7e8 },
  MATIC: { price: 0.71, volatility: 0.95, dailyValue: 2.4e8 },
  UNI: { price: 8.1, volatility: 1.0, dailyValue: 1.7e8 },
  ICP: { price: 10.2, volatility: 1.0, dailyValue: 1.1e8 },
  PEPE: { price: 0.00001052, volatility: 1.4, dailyValue: 6.3e8 },
  APT: { price: 9.1, volatility: 1.0, dailyValue: 1.5e8 },
  XLM: { price: 0.108, volatility: 0.8, dailyValue: 7.5e7 },
  ETC: { price: 25.3, volatility: 0.85, dailyValue: 1.8e8 },
  ATOM: { price: 8.2, volatility: 0.9, dailyValue: 1.4e8 },
  FIL: { price: 5.6, volatility: 1.0, dailyValue: 1.9e8 },
  HBAR: { price: 0.081, volatility: 1.0, dailyValue: 6.1e7 },
  ARB: { price: 1.12, volatility: 1.1, dailyValue: 3.3e8 },
  OP: { price: 2.31, volatility: 1.1, dailyValue: 2.2e8 },
  SUI: { price: 1.02, volatility: 1.2, dailyValue: 2.9e8 },
  AAVE: { price: 95.4, volatility: 1.0, dailyValue: 1.6e8 },
  ALGO: { price: 0.181, volatility: 0.9, dailyValue: 4.9e7 },
  VET: { price: 0.031, volatility: 0.95, dailyValue: 3.8e7 },
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
