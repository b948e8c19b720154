pragma circom 2.1.9;

include "circomlib/circuits/poseidon.circom";
include "circomlib/circuits/comparators.circom";
include "circomlib/circuits/bitify.circom";

// Financial-tier batch proof: `root` commits to exactly the N (padded) messages given as public
// inputs, every amount is at most `cap`, and the amounts sum to `total`.
//
// A message is four field elements, packed by ZkBatchVerifier on chain:
//   destination = destinationDomain mod p, senderNonce = sender * 2^64 + nonce,
//   recipient, amount (< 2^BITS). Padding slots are all zero.
// leaf_i = Poseidon(sourceDomain, destination_i, senderNonce_i, recipient_i, amount_i)
// root   = Poseidon(leaf_0, …, leaf_{N-1})
template BatchCommitment(N, BITS) {
    signal input sourceDomain;
    signal input batchNonce;
    signal input cap;
    signal input total;
    signal input destination[N];
    signal input senderNonce[N];
    signal input recipient[N];
    signal input amount[N];
    signal output root;

    // batchNonce takes part in no other constraint: bind it explicitly.
    signal nonceSquare <== batchNonce * batchNonce;

    component capBits = Num2Bits(BITS);
    capBits.in <== cap;

    component amountBits[N];
    component underCap[N];
    component leaf[N];
    component tree = Poseidon(N);
    var sum = 0;
    for (var i = 0; i < N; i++) {
        amountBits[i] = Num2Bits(BITS);
        amountBits[i].in <== amount[i];
        underCap[i] = LessEqThan(BITS);
        underCap[i].in[0] <== amount[i];
        underCap[i].in[1] <== cap;
        underCap[i].out === 1;
        leaf[i] = Poseidon(5);
        leaf[i].inputs[0] <== sourceDomain;
        leaf[i].inputs[1] <== destination[i];
        leaf[i].inputs[2] <== senderNonce[i];
        leaf[i].inputs[3] <== recipient[i];
        leaf[i].inputs[4] <== amount[i];
        tree.inputs[i] <== leaf[i].out;
        sum += amount[i];
    }
    total === sum;
    root <== tree.out;
}
