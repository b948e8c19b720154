// Public surface of @caldera/privacy-zk (browser-safe: proving and verification never import Node modules).

export { terminateProver } from '@caldera/zk'
export {
  cloneCreationCode,
  type DeployPrivacyContractsParameters,
  type DeployPrivacyContractsReturnType,
  deployPrivacyContracts,
} from '../chain/deployPrivacyContracts.js'
export { isKnownRoot, type NotarizeRootParameters, notarizeRoot } from '../chain/notarizeRoot.js'
export {
  DISCLOSE_GAS,
  discloseArgs,
  isNullifierUsed,
  type SubmitDisclosureParameters,
  submitDisclosure,
} from '../chain/submitDisclosure.js'
export {
  type ArtifactsOption,
  loadPrivacyArtifacts,
  type PrivacyCircuitName,
  privacyCircuits,
} from '../circuitArtifacts.js'
export {
  commitField,
  commitRecord,
  EMPTY_FIELD_COMMITMENT,
  encryptionBinding,
  randomSalt,
  SNARK_SCALAR_FIELD,
} from '../commitment/poseidon.js'
export { generateKeyPair, getPublicKey, type KeyPair } from '../crypto/keys.js'
export type { WrappedKey } from '../crypto/wrapKey.js'
export {
  CommitmentMismatchError,
  DecryptionError,
  DisclosureRejectedError,
  FieldEncodingError,
  NotARecipientError,
  NotarizationTreeError,
  OutOfRangeError,
  PrivacyError,
  UnknownFieldError,
} from '../errors/privacy.js'
export {
  type BuildDisclosureInputParameters,
  buildDisclosureInput,
  type Disclosure,
  type DisclosureRange,
  type ProveDisclosureParameters,
  proveDisclosure,
  type VerifyDisclosureParameters,
  verifyDisclosure,
} from '../proofs/disclosure.js'
export { proveMembership, verifyMembership } from '../proofs/membership.js'
export { proveRange, type RangeProof, verifyRange } from '../proofs/range.js'
export {
  proveSelectiveDisclosure,
  type SelectiveDisclosureProof,
  verifySelectiveDisclosure,
} from '../proofs/selective.js'
export { type DisclosureStatement, packStatement, unpackStatement } from '../proofs/statement.js'
export { type OpenRecordParameters, openRecord } from '../record/openRecord.js'
export { type SealRecordParameters, type SealRecordReturnType, sealRecord } from '../record/sealRecord.js'
export type { DecodedValue, OpenRecord, SealedRecord } from '../record/types.js'
export {
  type DefineRecordSchemaParameters,
  defineRecordSchema,
  type RecordSchema,
  type SchemaField,
} from '../schema/defineRecordSchema.js'
export { decodeFieldValue, encodeFieldValue, getField } from '../schema/encodeField.js'
export {
  type FieldDefinition,
  type FieldDefinitionInput,
  type FieldType,
  type FieldValue,
  fieldDefinitionSchema,
  MAX_FIELDS,
  RANGE_BITS,
  SIGNED_OFFSET,
} from '../schema/fieldTypes.js'
export {
  type MerkleProof,
  NotarizationTree,
  TREE_ARITY,
  TREE_DEPTH,
  verifyMerkleProof,
} from '../tree/NotarizationTree.js'
