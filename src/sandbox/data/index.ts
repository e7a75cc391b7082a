/**
 * The local Finch sandbox's data: seeded scenario companies, and fixture folders that capture or
 * replay any company as Finch-shaped JSON files.
 */
export type {
  CompanyDataset,
  EmploymentRecord,
  EnrollmentBody,
  EnrollmentRecord,
  IndividualRecord,
  ScenarioBehaviour,
} from './dataset'
export { FIXTURE_FILES, FixtureError, loadFixtureDataset, writeFixtureDataset } from './fixture'
export type { PlantedDiscrepancy } from './planted-discrepancies'
export { plantedDiscrepancies } from './planted-discrepancies'
export { deriveSeed, mixSeeds, Random } from './random'
export type { ScenarioName, ScenarioOptions } from './scenarios'
export type { MovePair, MoveVariant, ProviderMove } from './provider-move'
export {
  createProviderMove,
  createScenario,
  DEFAULT_SEED,
  DEFAULT_TODAY,
  isScenarioName,
  MAX_PAY_RUNS,
  MAX_PEOPLE,
  SCENARIO_NAMES,
} from './scenarios'
