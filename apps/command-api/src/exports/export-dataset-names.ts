// No imports: the report CLI tells an export from a report by these names without loading the API.

/** The datasets of the bulk export (export-datasets.ts defines each; a spec keeps the two lists equal). */
export const exportDatasetNames: readonly string[] = ['clients', 'charts', 'appointments', 'payments'];
