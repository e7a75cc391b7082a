/**
 * Builds each scenario's company once per sandbox run: the large scenarios take a while to
 * generate and every request of a connection reads the same data.
 */
import type { CompanyDataset } from '../data/dataset'

export class DatasetCache {
  private readonly datasets = new Map<string, CompanyDataset>()

  constructor(private readonly datasetFor: (scenario: string) => CompanyDataset) {}

  get(scenario: string): CompanyDataset {
    let dataset = this.datasets.get(scenario)
    if (!dataset) {
      dataset = this.datasetFor(scenario)
      this.datasets.set(scenario, dataset)
    }
    return dataset
  }
}
