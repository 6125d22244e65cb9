import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // Starlight's own words per language, written from src/i18n/ by the build (src/emit/site.ts).
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
