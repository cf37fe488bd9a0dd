import noContractCopies from './no-contract-copies.js';
import serverImports from './server-imports.js';

/** Local lint rules that keep the web app on the server's contract (see docs/decisions/0009). */
export default {
  meta: { name: 'contract' },
  rules: { 'no-copies': noContractCopies, 'server-imports': serverImports },
};
