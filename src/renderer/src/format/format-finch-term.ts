/**
 * Finch's snake_case enum values (entity types, account types) in words on screen. The words
 * live in the shared folder because the exports in the back end say the same ones.
 */
export { finchTermWords as formatFinchTerm } from '../../../shared/finch-terms'
