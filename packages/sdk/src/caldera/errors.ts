import { CalderaError } from '@caldera/core'

/** A `createCaldera` action named a domain the instance does not hold. */
export class UnknownDomainError extends CalderaError {
  override name = 'UnknownDomainError'
  constructor({ domain, known }: { domain: string; known: readonly string[] }) {
    super(`Unknown domain "${domain}".`, {
      metaMessages: [`Domains of this instance: ${known.join(', ')}.`],
      hint: 'Pass the domain in createCaldera({ domains }) or fix its name.',
    })
  }
}

/** An action needs a contract (channel, notary, …) the domain has no address for yet. */
export class MissingContractError extends CalderaError {
  override name = 'MissingContractError'
  constructor({ domain, contract }: { domain: string; contract: string }) {
    super(`Domain "${domain}" has no ${contract} address.`, {
      hint: `Deploy the domain with caldera.deploy.domain('${domain}') or pass contracts.${contract} in its config.`,
    })
  }
}

/** An action needs to send a transaction but the domain was configured without a wallet client. */
export class MissingWalletError extends CalderaError {
  override name = 'MissingWalletError'
  constructor({ domain }: { domain: string }) {
    super(`Domain "${domain}" has no wallet client.`, {
      hint: 'Pass walletClient (a viem client with an account) in the domain config.',
    })
  }
}
