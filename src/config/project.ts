// What the check's loaders are told, from a configuration: the one place that turns the
// configuration's paths and languages into the options of src/check/load.ts.
import type { LoadOptions } from '../check/load.ts';
import { translationDir } from '../translate/load.ts';
import { primarySource, type Config } from './load.ts';

export interface ProjectOptions {
  /** The first source directory: the documents' other files are found from it. */
  sourceDir: string;
  load: Omit<LoadOptions, 'parseCache'>;
}

export function loadOptionsOf(config: Config): ProjectOptions {
  const sourceDir = primarySource(config);
  const budgets = {
    ...(config.kernel.budget !== undefined ? { budget: config.kernel.budget } : {}),
    ...(config.kernel.realBudget !== undefined ? { realBudget: config.kernel.realBudget } : {}),
  };
  return {
    sourceDir,
    load: {
      lockFile: config.paths.lock,
      // A site in one language needs no translation files, even where a folder of them happens to be.
      translationDir: config.translations.includes('en') ? translationDir(sourceDir) : null,
      // Without a configuration file, the shared fixtures are where they always were (content/fixtures).
      ...(config.file || config.paths.fixtures ? { fixturesDir: config.paths.fixtures } : {}),
      settingsDir: config.paths.settings,
      ...(Object.keys(budgets).length ? { defaults: budgets } : {}),
      ...(config.diagnostics.ignore.length ? { ignore: config.diagnostics.ignore } : {}),
    },
  };
}
