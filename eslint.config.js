// Lint and the layering rule. The layers, from the inside out:
//   engine/     pure rules: data in, issues out. No Node, Office, exceljs or other layer.
//   ooxml/      pure xlsx packages as byte arrays (zip, XML scanning, the marked copy): engine/ only, for
//               the Node side and the checker page alike; inflating is injected.
//   node/       the shared Node layer: files, locks, atomic writes, plan loading, xlsx reading.
//   templates/, sync/, addin/  the products, thin over engine/ and node/; addin/src runs in the browser.
//   campaign/   the campaign folder's command, over all the products.
//   dev/        sample and demo data, preview: development only, never imported by product code.
//   tests/      everything may be imported from here.
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

const outside = (...layers) => layers.map((layer) => ({ group: [`**/${layer}/**`], message: `not from ${layer}/` }));
const restrict = (patterns, paths = []) => ['error', { patterns, paths }];
const NODE_BUILTINS = { group: ['node:*'], message: 'the engine and the browser pane run without Node' };
const HOST_LIBRARIES = ['exceljs', 'googleapis', 'docx', 'esbuild', 'playwright-core'].map((name) => ({
  name,
  message: 'this layer stays free of host libraries',
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'addin/dist/', 'test-output/', 'demo-output/', 'tests/bench/.engine-bundle.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // A function reads as a titled list of small steps, each a screen (README). Exempt, each with its reason on
    // the line above it: the XML tokenizer's loop. Tests are not product code and are free of it.
    files: ['{engine,ooxml,node,sync,templates,campaign,addin,dev}/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [NODE_BUILTINS, ...outside('node', 'sync', 'templates', 'addin', 'dev', 'tests')],
        HOST_LIBRARIES,
      ),
    },
  },
  {
    files: ['ooxml/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [NODE_BUILTINS, ...outside('node', 'sync', 'templates', 'addin', 'dev', 'tests')],
        HOST_LIBRARIES,
      ),
    },
  },
  {
    files: ['node/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(outside('sync', 'templates', 'addin', 'dev', 'tests')) },
  },
  {
    files: ['templates/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(outside('sync', 'addin', 'dev', 'tests')) },
  },
  {
    files: ['sync/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(outside('addin', 'dev', 'tests')) },
  },
  {
    // The campaign folder's command sits on top of every product: templates, the checker page, sync.
    files: ['campaign/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(outside('dev', 'tests')) },
  },
  {
    files: ['addin/*.ts'],
    rules: { 'no-restricted-imports': restrict(outside('sync', 'dev', 'tests')) },
  },
  {
    // The offline checker page runs in any browser, from a file: no Node, no command's code.
    files: ['addin/checker/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([NODE_BUILTINS, ...outside('sync', 'templates', 'dev', 'tests')]) },
  },
  {
    // The preview's fake Excel runs in the browser beside the pane: the engine and the pane only.
    files: ['addin/preview/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [NODE_BUILTINS, ...outside('node', 'sync', 'templates', 'dev', 'tests', 'checker')],
        HOST_LIBRARIES,
      ),
    },
  },
  {
    // The task pane is a browser page inside Excel: the engine and its own modules only.
    files: ['addin/src/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'no-restricted-imports': restrict(
        [NODE_BUILTINS, ...outside('node', 'sync', 'templates', 'dev', 'tests', 'preview')],
        HOST_LIBRARIES,
      ),
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
);
