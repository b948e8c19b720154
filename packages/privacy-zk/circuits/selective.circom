pragma circom 2.1.9;

include "lib.circom";

// Discloses the fields chosen by a public 8-bit mask and proves that every field (disclosed or not)
// is committed in the public record commitment. Undisclosed positions of `revealed` must be 0.
template SelectiveDisclosure() {
    signal input recordCommitment;
    signal input revealMask;
    signal input revealed[8];
    signal input values[8];
    signal input salts[8];
    signal input binding;
    component mask = Num2Bits(8);
    mask.in <== revealMask;
    component c[8];
    component record = RecordCommitment();
    record.binding <== binding;
    for (var j = 0; j < 8; j++) {
        c[j] = FieldCommitment();
        c[j].value <== values[j];
        c[j].salt <== salts[j];
        record.fields[j] <== c[j].out;
        revealed[j] === mask.out[j] * values[j];
    }
    recordCommitment === record.out;
}
