// Public surface of @caldera/privacy-zk: named exports only.
export {}
