// Public surface of @caldera/circuit-breaker: named exports only.
export {}
