import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdownKeymap, markdownLanguage } from '@codemirror/lang-markdown';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState } from '@codemirror/state';
import { Decoration, EditorView, MatchDecorator, ViewPlugin, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { SiteComponentName } from '@iom/safe-mdx';
import { componentInsertion } from '../component-snippets.ts';

/*
 * The text of a translation in CodeMirror 6, put in place of the page's <textarea>: Markdown highlighting, line
 * numbers, the problems of the text at their lines. The textarea stays in the form, hidden, and gets the text after
 * every change, so what Save sends is what it sent before: the textarea's value, byte for byte.
 *
 * Tab is not bound (CodeMirror's default): it moves to the next control, so the editor is no keyboard trap.
 */

/** A problem at a line of the text, as the editor shows it. */
export interface LineProblem {
  /** 1-based line of the text (not of the file). */
  line: number;
  /** 1-based column in that line, when the checker gives one. */
  column?: number | undefined;
  message: string;
  fix: string;
}

/** What the editor page needs of the text's editor. */
export interface BodyEditor {
  view: EditorView;
  /** The text, as the textarea holds it. */
  text: () => string;
  /** Shows these problems in the text, at their lines (replacing the ones shown). */
  showProblems: (problems: readonly LineProblem[]) => void;
  /** Selects a line of the text and puts the focus there. */
  goToLine: (line: number) => void;
  /** Inserts a site component at the cursor, on lines of its own, and puts the cursor where it is to be filled in. */
  insertComponent: (name: SiteComponentName) => void;
}

/** Where the editor's words come from: the page's strings in the interface language. */
export interface BodyEditorOptions {
  /** The id of the element that names the text ("Text"): the editor's accessible name. */
  labelledBy: string;
  /** What "Fix:" is in the interface language, before a problem's fix in its tooltip. */
  fixLabel: string;
  /** CodeMirror's own words (`EditorState.phrases`), in the interface language. */
  phrases: Record<string, string>;
  /** The nonce the page's Content-Security-Policy allows for CodeMirror's <style> element. */
  styleNonce: string;
  /** Called after every change of the text. */
  onChange: () => void;
}

// Colours of the stylesheet's palette, all 7:1 or more on white.
const highlightStyle = HighlightStyle.define([
  { tag: tags.heading, fontWeight: 'bold', color: '#0b4f8a' },
  { tag: tags.strong, fontWeight: 'bold' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.link, tags.url], color: '#0b4f8a', textDecoration: 'underline' },
  { tag: [tags.processingInstruction, tags.contentSeparator, tags.labelName], color: '#4a4a4a' },
  { tag: [tags.monospace, tags.comment], color: '#8a1c1c' },
]);

/*
 * lezer's Markdown reads a component's tag as HTML and gives it no style (lang-markdown highlights HTML through
 * lang-html, which would bring CSS and JavaScript parsers into the bundle for tags that are never HTML here). A tag
 * on one line is marked by pattern instead.
 */
const tagMarks = new MatchDecorator({ regexp: /<\/?[A-Za-z][\w.]*(?:\s[^<>]*)?\/?>/g, decoration: Decoration.mark({ class: 'cm-component-tag' }) });
const componentTags = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = tagMarks.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = tagMarks.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/*
 * CodeMirror draws lint marks with data: SVG images, which the workbench's `img-src 'self'` refuses (and reports as
 * errors); these are drawn with CSS instead. Logical properties, so the marks follow the text's direction.
 */
const theme = EditorView.theme({
  '&': { border: '1px solid #4a4a4a', backgroundColor: '#fff', color: '#1a1a1a', blockSize: '36rem', fontSize: '0.95rem' },
  '&.cm-focused': { outline: '3px solid #0b4f8a', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, monospace', lineHeight: '1.5', overflow: 'auto' },
  '.cm-content': { paddingBlock: '0.4rem' },
  '.cm-gutters': { backgroundColor: '#f3f3f3', color: '#4a4a4a', borderInlineEnd: '1px solid #c8c8c8', borderInlineStart: 'none' },
  '.cm-activeLine': { backgroundColor: '#eef4fa' },
  '.cm-activeLineGutter': { backgroundColor: '#dde8f3' },
  '.cm-component-tag': { color: '#6b2d8a' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy #b3261e', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.cm-lintPoint:after': { borderBottomColor: '#b3261e' },
  '.cm-lint-marker-error': { content: 'none', display: 'block', boxSizing: 'border-box', inlineSize: '0.8em', blockSize: '0.8em', marginBlockStart: '0.15em', borderRadius: '50%', backgroundColor: '#b3261e' },
  '.cm-diagnostic-error': { borderLeft: 'none', borderInlineStart: '5px solid #b3261e' },
  // The lint panel's close button: big enough to hit (WCAG 2.5.8), at the end of the line in either direction.
  '.cm-panel.cm-panel-lint [name=close]': { right: 'auto', insetInlineEnd: '2px', minInlineSize: '1.75rem', minBlockSize: '1.75rem', fontSize: '1.25rem' },
  '.cm-diagnostic .cm-fix': { display: 'block', marginBlockStart: '0.25rem' },
  '.cm-tooltip': { maxInlineSize: '40rem' },
});

/**
 * Puts a CodeMirror editor in place of `textarea`, with its text, its `lang` and `dir` (from the locale table, as the
 * server wrote them on the textarea), spell checking, and the accessible name of the element `labelledBy`.
 */
export function replaceTextarea(textarea: HTMLTextAreaElement, options: BodyEditorOptions): BodyEditor {
  const lang = textarea.getAttribute('lang') ?? '';
  const dir = textarea.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr';
  const state = EditorState.create({
    doc: textarea.value,
    extensions: [
      EditorView.cspNonce.of(options.styleNonce),
      EditorState.phrases.of(options.phrases),
      lineNumbers(),
      lintGutter(),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      history(),
      EditorView.lineWrapping,
      markdownLanguage,
      syntaxHighlighting(highlightStyle),
      componentTags,
      keymap.of([...markdownKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
      // The direction is the CSS direction of the content (what CodeMirror measures); on the editor too, so the
      // line numbers stand at the start of the lines: on the right in Arabic.
      EditorView.editorAttributes.of({ dir }),
      // tabindex: axe (and some assistive technology) count a scrolling region as reachable only through an
      // element it knows as focusable, which a contenteditable alone is not to axe.
      EditorView.contentAttributes.of({ lang, dir, spellcheck: 'true', tabindex: '0', 'aria-labelledby': options.labelledBy }),
      theme,
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        textarea.value = update.state.doc.toString();
        options.onChange();
      }),
    ],
  });
  const view = new EditorView({ state });
  textarea.after(view.dom);
  textarea.hidden = true;

  const fixOf = (problem: LineProblem) => {
    const element = document.createElement('span');
    element.lang = 'en';
    element.dir = 'ltr';
    element.textContent = problem.message;
    const fix = document.createElement('span');
    fix.className = 'cm-fix';
    fix.append(`${options.fixLabel} `);
    const words = document.createElement('span');
    words.lang = 'en';
    words.dir = 'ltr';
    words.textContent = problem.fix;
    fix.append(words);
    const whole = document.createElement('span');
    whole.append(element, fix);
    return whole;
  };

  return {
    view,
    text: () => textarea.value,
    showProblems: (problems) => {
      const doc = view.state.doc;
      const diagnostics: Diagnostic[] = problems
        .filter((problem) => problem.line >= 1 && problem.line <= doc.lines)
        .map((problem) => {
          const line = doc.line(problem.line);
          const from = line.from + Math.min(Math.max((problem.column ?? 1) - 1, 0), line.length);
          return { from, to: from === line.to ? from : line.to, severity: 'error', message: problem.message, renderMessage: () => fixOf(problem) };
        });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goToLine: (number) => {
      const line = view.state.doc.line(Math.min(Math.max(number, 1), view.state.doc.lines));
      view.dispatch({ selection: EditorSelection.range(line.from, line.to), scrollIntoView: true });
      view.focus();
    },
    insertComponent: (name) => {
      const { from, to } = view.state.selection.main;
      const change = componentInsertion(view.state.doc.toString(), from, to, name);
      view.dispatch({ changes: { from: change.from, to: change.to, insert: change.insert }, selection: { anchor: change.cursor }, scrollIntoView: true, userEvent: 'input' });
      view.focus();
    },
  };
}
