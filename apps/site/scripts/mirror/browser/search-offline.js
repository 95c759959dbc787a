/*
 * search-offline.js: the search pages of an offline mirror load this (added by apps/site/scripts/mirror/
 * offline-search.ts, copied as it is into <site>/search-offline/). Plain ES2017 in one classic script, no module and
 * no inline code: mirrors are opened from disk, where browsers refuse module scripts, and the pages carry a strict
 * Content-Security-Policy (script-src 'self').
 *
 * Two jobs, chosen by how the page was opened:
 *
 * - Over http(s) (the mirror served on the office network, at / or under any sub-path): the search page's
 *   #search-config holds RELATIVE paths (../../pagefind/, ../../), written by relocate.ts because the mirror does not
 *   know where it will be served. The search script would resolve them against its own address (a module's import()
 *   does), so this turns them into absolute paths from the page's address first. It is loaded with `defer` just before
 *   the search module: deferred and module scripts run in document order, so it always runs first. Nothing else
 *   changes: Pagefind runs as on the public site.
 *
 * - From disk (file:), where Pagefind cannot run (no module scripts, no fetch of file: URLs): shows a notice saying
 *   how to get the full search (serve the mirror), and searches the titles and summaries of the pages in a light
 *   index, search-offline/<lang>.js, loaded with a <script> element (which works from disk, unlike fetch).
 *
 * The matching rules (case, accents, Arabic tashkeel and letter forms) are in `normalize`; apps/site/tests/mirror
 * runs them in Node through `globalThis.iomOfflineSearch`.
 */
(function () {
  'use strict';

  /** Keys of #search-config whose values are paths (the same rule as relocate.ts `pathKey`). */
  var PATH_KEY = /(path|base|url|href)$/i;
  /** Tashkeel, Quranic marks and tatweel, and the Latin combining accents left by NFKD. */
  var MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/g;
  var SEPARATORS = (function () {
    try {
      return new RegExp('[^\\p{L}\\p{N}]+', 'gu');
    } catch (error) {
      // Browsers without Unicode property escapes: spaces and the punctuation that text on this site uses.
      return /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u060c\u061b\u061f\u066a-\u066d\u06d4]+/g;
    }
  })();

  /**
   * Folds text for matching: lower case, no accents, Arabic without tashkeel or tatweel, alef forms → ا, ى → ي,
   * ة → ه, Persian ی/ک → ي/ك, presentation forms → letters, punctuation → one space.
   * normalize('Réfugiés à TUNIS') → 'refugies a tunis'; normalize('الْمُنَظَّمَةُ الدَّوْلِيَّةُ') → 'المنظمه الدوليه'
   */
  function normalize(text) {
    return String(text)
      .normalize('NFKD')
      .replace(MARKS, '')
      .toLowerCase()
      .replace(/[\u0671\u0672\u0673\u0675]/g, '\u0627')
      .replace(/\u0649/g, '\u064a')
      .replace(/\u0629/g, '\u0647')
      .replace(/\u06cc/g, '\u064a')
      .replace(/\u06a9/g, '\u0643')
      .replace(SEPARATORS, ' ')
      .trim();
  }

  /**
   * The entries whose title or summary contains every word of the query (anywhere in a word, so that Arabic words
   * with a prefix such as ال or و are found), best first: more words in the title, then newer.
   */
  function search(entries, query) {
    var words = normalize(query).split(' ').filter(Boolean);
    if (words.length === 0) return [];
    var hits = [];
    for (var index = 0; index < entries.length; index++) {
      var entry = entries[index];
      var title = normalize(entry.t);
      var text = title + ' ' + normalize(entry.s || '');
      var inTitle = 0;
      var all = true;
      for (var w = 0; w < words.length; w++) {
        if (text.indexOf(words[w]) === -1) {
          all = false;
          break;
        }
        if (title.indexOf(words[w]) !== -1) inTitle++;
      }
      if (all) hits.push({ entry: entry, score: inTitle, order: index });
    }
    hits.sort(function (a, b) {
      if (b.score !== a.score) return b.score - a.score;
      var da = a.entry.d || '';
      var db = b.entry.d || '';
      if (da !== db) return da < db ? 1 : -1;
      return a.order - b.order;
    });
    return hits.map(function (hit) {
      return hit.entry;
    });
  }

  /** Absolute paths for the relative path values of a configuration object (see the file comment). */
  function absolutizePaths(value, key, pageUrl) {
    if (typeof value === 'string') {
      if (key && PATH_KEY.test(key) && /^\.\.?\//.test(value)) {
        var url = new URL(value, pageUrl);
        return url.pathname + url.search + url.hash;
      }
      return value;
    }
    if (Array.isArray(value)) {
      return value.map(function (item) {
        return absolutizePaths(item, key, pageUrl);
      });
    }
    if (value && typeof value === 'object') {
      var result = {};
      Object.keys(value).forEach(function (name) {
        result[name] = absolutizePaths(value[name], name, pageUrl);
      });
      return result;
    }
    return value;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  var api = { normalize: normalize, search: search, absolutizePaths: absolutizePaths, fill: fill };
  var root = typeof globalThis !== 'undefined' ? globalThis : self;
  root.iomOfflineSearch = api;
  if (typeof document === 'undefined') return;

  if (location.protocol === 'http:' || location.protocol === 'https:') {
    var block = document.getElementById('search-config');
    if (block && block.textContent) {
      try {
        block.textContent = JSON.stringify(absolutizePaths(JSON.parse(block.textContent), undefined, location.href));
      } catch (error) {
        // Not JSON: leave it; the search script reports its own problem.
      }
    }
    return;
  }
  if (location.protocol !== 'file:') return;

  var configBlock = document.getElementById('mirror-offline-config');
  var panel = document.getElementById('mirror-offline-search');
  if (!configBlock || !panel) return;
  var config = JSON.parse(configBlock.textContent || '{}');
  var strings = config.strings || {};
  var status = document.getElementById('mirror-offline-status');
  var list = document.getElementById('mirror-offline-results');
  var heading = document.getElementById('mirror-offline-heading');
  panel.hidden = false;
  // Filters and sorting belong to the full search; hide them rather than offer controls that do nothing here. So
  // does the full search's results region, which keeps a screen's height for results that cannot come from disk.
  Array.prototype.forEach.call(document.querySelectorAll('main form details, main .search-results'), function (element) {
    element.hidden = true;
  });

  var query = new URLSearchParams(location.search).get('q') || '';
  Array.prototype.forEach.call(document.querySelectorAll('input[name="q"]'), function (input) {
    input.value = query;
  });
  if (!query.trim()) return;

  var dates = null;
  try {
    dates = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'long', timeZone: 'UTC' });
  } catch (error) {
    dates = null;
  }

  function show(entries) {
    var hits = search(entries, query);
    heading.hidden = false;
    status.textContent = fill(hits.length ? strings.resultCount : strings.noResults, { query: query, count: hits.length });
    var items = hits.map(function (entry) {
      var item = document.createElement('li');
      item.className = 'release-list__item';
      var title = document.createElement('h3');
      title.className = 'release-list__title';
      var link = document.createElement('a');
      link.href = (config.root || '') + entry.u;
      link.textContent = entry.t;
      title.appendChild(link);
      item.appendChild(title);
      if (entry.d) {
        var meta = document.createElement('p');
        meta.className = 'release-list__meta';
        var time = document.createElement('time');
        time.dateTime = entry.d;
        time.textContent = dates ? dates.format(new Date(entry.d + 'T00:00:00Z')) : entry.d;
        meta.appendChild(time);
        item.appendChild(meta);
      }
      if (entry.s) {
        var summary = document.createElement('p');
        summary.textContent = entry.s;
        item.appendChild(summary);
      }
      return item;
    });
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (item) {
      list.appendChild(item);
    });
  }

  var loaded = root.iomOfflineSearchIndex && root.iomOfflineSearchIndex[config.lang];
  if (loaded) {
    show(loaded);
    return;
  }
  var script = document.createElement('script');
  script.src = config.index;
  script.onload = function () {
    var entries = root.iomOfflineSearchIndex && root.iomOfflineSearchIndex[config.lang];
    if (entries) show(entries);
    else status.textContent = strings.unavailable;
  };
  script.onerror = function () {
    status.textContent = strings.unavailable;
  };
  document.head.appendChild(script);
})();
