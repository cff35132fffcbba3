import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layersRule } from './scripts/eslint-layers.mjs';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.test-build-*/', 'results/', 'src/models/trained/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { vigil: { rules: { layers: layersRule } } },
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      'vigil/layers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
);
