/** A small version of a release's lead image, ready for `<img>` in a list (the site makes it with astro:assets). */
export interface Thumbnail {
  src: string;
  srcset: string;
  width: number;
  height: number;
}
