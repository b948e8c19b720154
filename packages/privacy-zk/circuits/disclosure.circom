pragma circom 2.1.9;

include "lib.circom";

// The combined disclosure proof for on-chain use: a private field of a record notarized under
// `root` lies in [min, max], bound to a one-time nullifier. Three public inputs:
//   root
//   nullifier = Poseidon(salt, statement): one use per record field, statement and scope
//   statement = fieldIndex + min * 2^3 + max * 2^(3+bits) + scope * 2^(3+2*bits)   (< 2^(35+2*bits))
// The nullifier is the whole hash (no truncation, so no second decomposition to rule out), which
// keeps the circuit under 4,096 constraints: the prover's FFT domain is half the size it would be.
template Disclosure(depth, bits) {
    signal input root;
    signal input nullifier;
    signal input statement;
    signal input value;
    signal input salt;
    signal input fieldCommitments[8];
    signal input binding;
    signal input leafIndex;
    signal input siblings[depth][8];

    // Unpack the statement (the bit decomposition makes the packing unique and bounds min and max).
    component s = Num2Bits(3 + 2 * bits + 32);
    s.in <== statement;
    var min = 0;
    var max = 0;
    for (var k = 0; k < bits; k++) {
        min += s.out[3 + k] * (1 << k);
        max += s.out[3 + bits + k] * (1 << k);
    }

    // The disclosed field's commitment, placed at fieldIndex in the record commitment.
    component field = FieldCommitment();
    field.value <== value;
    field.salt <== salt;
    component onehot = OneHot8();
    for (var k = 0; k < 3; k++) onehot.bits[k] <== s.out[k];
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

    // The nullifier is bound to the field's salt and to the whole statement.
    component n = Poseidon(2);
    n.inputs[0] <== salt;
    n.inputs[1] <== statement;
    nullifier === n.out;
}
