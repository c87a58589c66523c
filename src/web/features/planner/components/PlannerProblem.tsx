// The planner's refusal: the problem's title, and the server's messages no field could take.
import { ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { Alert } from '../../../shared/ui/ui.tsx';

export function PlannerProblem({ error, other }: { error: unknown; other: string[] }) {
  const { t } = useApp();
  const problem = error instanceof ApiError ? error.problem : null;
  const located = error instanceof ApiError ? error.fieldErrors.length - other.length : 0;
  return (
    <Alert kind="error" title={problem?.status === 422 ? (problem.title ?? t('plannerInfeasible')) : (problem?.title ?? t('errorGeneric'))}>
      {problem && problem.status !== 0 ? null : <p>{t('errorNetwork')}</p>}
      {located > 0 ? <p>{t('plannerSeeFields')}</p> : null}
      {other.length > 0 ? (
        <ul className="zl-alert-list">
          {other.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : null}
      {problem && located === 0 && other.length === 0 && problem.detail ? <p>{problem.detail}</p> : null}
    </Alert>
  );
}
