pragma circom 2.1.9;

include "circomlib/circuits/poseidon.circom";

// Proves knowledge of a preimage of a public Poseidon hash, bound to a public tag.
template Preimage(n) {
    signal input secret[n];
    signal input hash;
    signal input tag;
    component h = Poseidon(n);
    for (var i = 0; i < n; i++) h.inputs[i] <== secret[i];
    h.out === hash;
    signal tagSquare <== tag * tag;
}
