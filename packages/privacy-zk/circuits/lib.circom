pragma circom 2.1.9;

include "circomlib/circuits/poseidon.circom";
include "circomlib/circuits/bitify.circom";

// One-hot vector e[8] of a 3-bit index: e[j] = 1 exactly when index == j.
template OneHot8() {
    signal input bits[3];
    signal output e[8];
    signal b01 <== bits[0] * bits[1];
    var low[4];
    low[0] = 1 - bits[0] - bits[1] + b01;
    low[1] = bits[0] - b01;
    low[2] = bits[1] - b01;
    low[3] = b01;
    for (var j = 0; j < 4; j++) {
        e[j] <== low[j] * (1 - bits[2]);
        e[j + 4] <== low[j] - e[j];
    }
}

// Places `node` at the one-hot position of `e` among `slots` (the slot at that position is ignored).
template PlaceAt8() {
    signal input node;
    signal input slots[8];
    signal input e[8];
    signal output out[8];
    for (var j = 0; j < 8; j++) {
        out[j] <== slots[j] + e[j] * (node - slots[j]);
    }
}

// Root of an 8-ary Poseidon Merkle tree of the given depth (capacity 8^depth leaves) from a leaf,
// its index bits (3 per level, least significant level first) and the 8 children of each level.
// The child slot holding the path node is ignored: its value never enters a hash.
template OctalMerkleRoot(depth) {
    signal input leaf;
    signal input indexBits[3 * depth];
    signal input siblings[depth][8];
    signal output root;
    component onehot[depth];
    component place[depth];
    component hash[depth];
    signal node[depth + 1];
    node[0] <== leaf;
    for (var i = 0; i < depth; i++) {
        onehot[i] = OneHot8();
        for (var k = 0; k < 3; k++) onehot[i].bits[k] <== indexBits[3 * i + k];
        place[i] = PlaceAt8();
        place[i].node <== node[i];
        place[i].slots <== siblings[i];
        place[i].e <== onehot[i].e;
        hash[i] = Poseidon(8);
        hash[i].inputs <== place[i].out;
        node[i + 1] <== hash[i].out;
    }
    root <== node[depth];
}

// Commitment of one field: Poseidon(value, salt).
template FieldCommitment() {
    signal input value;
    signal input salt;
    signal output out;
    component h = Poseidon(2);
    h.inputs[0] <== value;
    h.inputs[1] <== salt;
    out <== h.out;
}

// Record commitment: Poseidon(binding, c[0..7]) where binding = Poseidon(keyHash, ciphertextHash)
// ties the record to its encryption and c[j] are the salted field commitments.
template RecordCommitment() {
    signal input binding;
    signal input fields[8];
    signal output out;
    component h = Poseidon(9);
    h.inputs[0] <== binding;
    for (var j = 0; j < 8; j++) h.inputs[j + 1] <== fields[j];
    out <== h.out;
}

// Asserts min <= value <= max for min, max < 2^bits: both differences must fit in `bits` bits.
template InRange(bits) {
    signal input value;
    signal input min;
    signal input max;
    component low = Num2Bits(bits);
    low.in <== value - min;
    component high = Num2Bits(bits);
    high.in <== max - value;
}
