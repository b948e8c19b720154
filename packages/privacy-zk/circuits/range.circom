pragma circom 2.1.9;

include "lib.circom";

// A committed private field lies in a public range [min, max] (min, max < 2^bits).
template RangeProof(bits) {
    signal input commitment;
    signal input min;
    signal input max;
    signal input value;
    signal input salt;
    component minBits = Num2Bits(bits);
    minBits.in <== min;
    component maxBits = Num2Bits(bits);
    maxBits.in <== max;
    component c = FieldCommitment();
    c.value <== value;
    c.salt <== salt;
    commitment === c.out;
    component range = InRange(bits);
    range.value <== value;
    range.min <== min;
    range.max <== max;
}
