import type { Account, Chain, Client, Transport } from 'viem'

/** A client that can sign and send transactions (a wallet client with an account). */
export type WriteClient = Client<Transport, Chain | undefined, Account>

/** A client that can read the chain. */
export type ReadClient = Client<Transport, Chain | undefined>
