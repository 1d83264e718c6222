// The baseline of the scale benchmark (scripts/bench-build.ts): the plainest Eleventy site of the
// same article files, with no extraction: one page per article (its Markdown rendered in a minimal
// layout), then Pagefind indexes those pages. Run by the benchmark as
//   eleventy --config=scripts/baseline/eleventy.config.mjs --input=ARTICLES --output=OUT
// followed by Pagefind on OUT.
export default function (eleventyConfig) {
  eleventyConfig.addTemplate(
    '_includes/baseline.njk',
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{{ title or page.fileSlug }}</title></head>\n<body><main>{{ content | safe }}</main></body></html>\n',
  );
  eleventyConfig.addGlobalData('layout', 'baseline.njk');
  return {
    templateFormats: ['md'],
    // Article text is never template code.
    markdownTemplateEngine: false,
  };
}
