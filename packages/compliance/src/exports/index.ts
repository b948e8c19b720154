// Public surface of @caldera/compliance: named exports only.
export {}
