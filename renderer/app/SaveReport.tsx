/** A session's printable report, made by the host and saved as a PDF download (history, the protocol runner). */
import { ActionMessage } from './ActionMessage.tsx';
import { useClient } from './host-hooks.ts';
import { savePdf } from './save-pdf.ts';
import { useAction } from './use-action.ts';

export function SaveReport({ sessionId }: { readonly sessionId: number }) {
  const client = useClient();
  const action = useAction();
  return (
    <div className="row">
      <button
        type="button"
        disabled={action.isBusy}
        onClick={() =>
          action.run(async () => {
            const report = await client.call('reports.session', { sessionId });
            if (report.ok) savePdf(report.value);
            return report;
          })
        }
      >
        Save report (PDF)
      </button>
      <ActionMessage action={action} />
    </div>
  );
}
