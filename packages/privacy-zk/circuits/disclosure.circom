pragma circom 2.1.9;

include "lib.circom";

// The combined disclosure proof for on-chain use: a private field of a record notarized under
// `root` lies in [min, max], bound to a one-time nullifier. Two public inputs keep on-chain
// verification cheap:
//   root
//   claim     = nullifier + statement * 2^128
//   statement = fieldIndex + min * 2^3 + max * 2^(3+bits) + scope * 2^(3+2*bits)   (< 2^(35+2*bits))
//   nullifier = low 128 bits of Poseidon(salt, statement): one use per record field, statement and scope.
template Disclosure(depth, bits) {
    signal input root;
    signal input claim;
    signal input value;
    signal input salt;
    signal input fieldCommitments[8];
    signal input binding;
    signal input leafIndex;
    signal input siblings[depth][8];
    signal input nullifierHigh;

    // Unpack the claim (the bit decomposition makes the packing unique).
    var statementBits = 3 + 2 * bits + 32;
    component c = Num2Bits(128 + statementBits);
    c.in <== claim;
    var nullifier = 0;
    for (var k = 0; k < 128; k++) nullifier += c.out[k] * (1 << k);
    var statement = 0;
    for (var k = 0; k < statementBits; k++) statement += c.out[128 + k] * (1 << k);
    var min = 0;
    var max = 0;
    for (var k = 0; k < bits; k++) {
        min += c.out[128 + 3 + k] * (1 << k);
        max += c.out[128 + 3 + bits + k] * (1 << k);
    }

    // The disclosed field's commitment, placed at fieldIndex in the record commitment.
    component field = FieldCommitment();
    field.value <== value;
    field.salt <== salt;
    component onehot = OneHot8();
    for (var k = 0; k < 3; k++) onehot.bits[k] <== c.out[128 + k];
    component place = PlaceAt8();
    place.node <== field.out;
    place.slots <== fieldCommitments;
    place.e <== onehot.e;
    component record = RecordCommitment();
    record.binding <== binding;
    record.fields <== place.out;

    // The record is notarized under root.
    component index = Num2Bits(3 * depth);
    index.in <== leafIndex;
    component tree = OctalMerkleRoot(depth);
    tree.leaf <== record.out;
    tree.indexBits <== index.out;
    tree.siblings <== siblings;
    root === tree.root;

    // min <= value <= max.
    component range = InRange(bits);
    range.value <== value;
    range.min <== min;
    range.max <== max;

    // nullifier = low 128 bits of Poseidon(salt, statement). The high part is range-checked below
    // floor(p / 2^128), which rules out the second (aliased) decomposition of the hash.
    component n = Poseidon(2);
    n.inputs[0] <== salt;
    n.inputs[1] <== statement;
    component high = Num2Bits(126);
    high.in <== nullifierHigh;
    component belowP = Num2Bits(126);
    belowP.in <== 64323764613183177041862057485226039388 - nullifierHigh;
    n.out === nullifier + nullifierHigh * (1 << 128);
}
