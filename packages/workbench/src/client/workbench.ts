/**
 * The script of the UI strings page, served from the workbench's own server (bundled with esbuild when the server
 * starts). The editor page has its own (`editor.ts`), and the queue needs none. It asks only its own origin, with the
 * session token in a header.
 */

const token = document.querySelector<HTMLMetaElement>('meta[name="workbench-token"]')?.content ?? '';
const dataElement = document.getElementById('workbench-data');
if (dataElement?.textContent) {
  const data = JSON.parse(dataElement.textContent) as StringsData;
  if ('stringsLang' in data) startStringsEditor(data);
}

interface StringsData {
  stringsLang: string;
  version: string;
  messages: { saved: string; refused: string; conflict: string; requestFailed: string; placeholderMissing: string; placeholderExtra: string };
}

/** The UI strings page: Save sends the inputs that changed; a refusal's placeholder problems appear beside their keys. */
function startStringsEditor(data: StringsData): void {
  const form = element<HTMLFormElement>('strings');
  const message = element('message');
  let version = data.version;
  const inputs = () => [...form.querySelectorAll<HTMLInputElement>('[data-string]')];
  const saved = new Map(inputs().map((input) => [input.name, input.value]));
  const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  const problemOf = (input: HTMLInputElement) => document.getElementById(`${input.id}-problem`);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(inputs().filter((input) => input.value !== saved.get(input.name)).map((input) => [input.name, input.value]));
    void (async () => {
      const response = await fetch('/api/strings/save', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workbench-token': token },
        body: JSON.stringify({ lang: data.stringsLang, version, values }),
      });
      const answer = (await response.json()) as { version?: string; error?: string; problems?: { key: string; missing: string[]; extra: string[] }[] };
      for (const input of inputs()) {
        const problem = problemOf(input);
        if (problem && input.name in values) problem.textContent = '';
      }
      if (response.status === 200 && answer.version) {
        version = answer.version;
        for (const [key, value] of Object.entries(values)) saved.set(key, value);
        message.textContent = data.messages.saved;
      } else if (response.status === 422 && answer.problems) {
        const names = (list: string[]) => list.map((name) => `{${name}}`).join(', ');
        for (const { key, missing, extra } of answer.problems) {
          const input = inputs().find((candidate) => candidate.name === key);
          const problem = input && problemOf(input);
          if (problem) problem.textContent = [missing.length > 0 ? fill(data.messages.placeholderMissing, { names: names(missing) }) : '', extra.length > 0 ? fill(data.messages.placeholderExtra, { names: names(extra) }) : ''].filter(Boolean).join(' ');
        }
        message.textContent = data.messages.refused;
      } else if (response.status === 409) {
        message.textContent = data.messages.conflict;
      } else {
        message.textContent = fill(data.messages.requestFailed, { message: answer.error ?? String(response.status) });
      }
    })();
  });
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}.`);
  return found as T;
}
