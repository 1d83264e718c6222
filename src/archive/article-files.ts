// Which files of the article folder are articles: the one rule for reading them and for sizing a build.

export const ARTICLE_EXTENSIONS = /\.(md|markdown|txt)$/i;

/** True for a file name the archive reads as an article (hidden files never are). */
export function isArticleFile(name: string): boolean {
  return ARTICLE_EXTENSIONS.test(name) && !name.startsWith('.');
}
