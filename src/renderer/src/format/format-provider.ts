/** Providers by Finch's display name; the names live in the shared folder, as exports use them. */
export { providerName as formatProvider } from '../../../shared/provider-names'
