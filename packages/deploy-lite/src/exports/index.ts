// Public surface of @caldera/deploy-lite: named exports only.
export {}
