// Node-only surface of @caldera/compliance (`@caldera/compliance/cli`): the `caldera aml scan`
// command and the streaming transaction-file reader.
export { amlScanCommand, amlScanConfigSchema } from '../cli/amlScanCommand.js'
export { readTransactionFile, type TransactionFileItem } from '../io/readTransactionFile.js'
