pragma circom 2.1.9;

// Proves knowledge of two factors of a public product, both different from 1.
template Product() {
    signal input a;
    signal input b;
    signal input product;
    product === a * b;
    signal aMinusOneInverse <-- 1 / (a - 1);
    (a - 1) * aMinusOneInverse === 1;
    signal bMinusOneInverse <-- 1 / (b - 1);
    (b - 1) * bMinusOneInverse === 1;
}
