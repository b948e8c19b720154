// Public surface of @caldera/zk: named exports only.
export {}
