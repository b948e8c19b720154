pragma circom 2.1.9;

// Deliberately under-constrained fixture: with selector = 1, `slot` may take any value and every
// constraint still holds (the toolchain tests check that findUnconstrainedWires reports it).
template Weak() {
    signal input a;
    signal input b;
    signal input c;
    signal input selector;
    signal input slot;
    a * b === c;
    signal picked <== slot + selector * (a - slot);
    picked === a;
}
