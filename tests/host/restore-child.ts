// The child of the restore kill test: opens a data folder the way the app does, says "ready", restores the backup it
// is given and says "done" — unless the parent kills it (kill -9) somewhere in between.
import { bootstrap } from '../../db/app/bootstrap';
import { silentLogger } from '../../db/services/core';
import { restoreBackup } from '../../db/services/restore';
import { configureWorkers } from '../../db/services/worker-jobs';

const [dataDir, backupId, workerEntry] = process.argv.slice(2);
if (!dataDir || !backupId || !workerEntry) {
  throw new Error('usage: restore-child <data folder> <backup id> <bundled worker entry>');
}
// Bundled into a temporary folder, the child has no sources to build a worker from: the test bundles it too.
configureWorkers({ entry: workerEntry });

const { core } = await bootstrap({ dataDir, log: silentLogger, checkOutputs: false, passwordLog2N: 10 });
process.stdout.write('ready\n');
await restoreBackup(core, null, backupId);
process.stdout.write('done\n');
core.db.close();
