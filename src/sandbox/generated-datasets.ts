/**
 * The default source of the sandbox's companies, the seeded data generators, loaded only when a
 * sandbox starts without its own `datasetFor`. Connect's `scale-<people>-<runs>` logins become
 * the generators' `scale` scenario at that size.
 */
import type { CompanyDataset } from './data/dataset'

export async function generatedDatasets(
  seed: number | undefined,
): Promise<(scenario: string) => CompanyDataset> {
  const { createScenario } = await import('./data')
  type ScenarioName = Parameters<typeof createScenario>[0]
  const seeded = seed === undefined ? {} : { seed }

  return (scenario) => {
    const scale = /^scale-(\d+)-(\d+)$/.exec(scenario)
    if (scale) {
      return createScenario('scale', {
        ...seeded,
        people: Number(scale[1]),
        payRuns: Number(scale[2]),
      })
    }
    // Connect only accepts known scenario names; createScenario still refuses any other.
    return createScenario(scenario as ScenarioName, seeded)
  }
}
