pragma circom 2.1.9;

include "lib.circom";

// Knowledge of a record commitment notarized under a public root.
template Membership(depth) {
    signal input root;
    signal input leaf;
    signal input leafIndex;
    signal input siblings[depth][8];
    component index = Num2Bits(3 * depth);
    index.in <== leafIndex;
    component tree = OctalMerkleRoot(depth);
    tree.leaf <== leaf;
    tree.indexBits <== index.out;
    tree.siblings <== siblings;
    root === tree.root;
}
