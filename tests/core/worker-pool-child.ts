// The child of the worker-pool test: warms the pool, verifies a log on it, then simply returns — the process must end
// by itself, because idle workers never keep it alive (a test run, or the host after Ctrl+C, would hang otherwise).
import { configureWorkers, runInWorker, warmWorkers } from '../../db/services/worker-jobs';

const [file, workerEntry] = process.argv.slice(2);
if (!file || !workerEntry) throw new Error('usage: worker-pool-child <records file> <bundled worker entry>');
// Bundled into a temporary folder, the child has no sources to build a worker from: the test bundles it too.
configureWorkers({ entry: workerEntry });
await warmWorkers(2);
const check = await runInWorker('audit.verifyRange', { file, afterId: 0, previousHash: '', throughId: 1e9 });
process.stdout.write(`${check.checkedEntries}\n`);
