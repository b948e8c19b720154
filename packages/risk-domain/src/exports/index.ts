// Public surface of @caldera/risk-domain: named exports only.
export {}
