// The guide of the signed-in user's role first, then the others', and the CSV format.
import { ROLES, type Role } from '@bds/shared';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { guideText, type GuideSection } from '../../i18n/guide.ts';
import { it } from '../../i18n/it.ts';

function Steps({ section }: { section: GuideSection }) {
  return (
    <>
      <h3>{section.title}</h3>
      <ol>
        {section.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </>
  );
}

function RoleSection({ role, heading }: { role: Role; heading: 'h2' | 'summary' }) {
  const guide = guideText.roles[role];
  const body = (
    <>
      <p>{guide.intro}</p>
      <Steps section={guide.week} />
      <Steps section={guide.month} />
    </>
  );
  if (heading === 'h2') {
    return (
      <section className="card">
        <h2>{it.roles[role]}</h2>
        {body}
      </section>
    );
  }
  return (
    <details className="card">
      <summary>{it.roles[role]}</summary>
      {body}
    </details>
  );
}

function CsvFormat() {
  const { csv } = guideText;
  return (
    <section className="card">
      <h2>{csv.title}</h2>
      <p>{csv.intro}</p>
      <table>
        <tbody>
          {csv.columns.map(([name, meaning]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{csv.exampleTitle}</h3>
      <pre className="example" tabIndex={0}>
        {csv.example}
      </pre>
      <p>{csv.outcome}</p>
    </section>
  );
}

export function GuidePage() {
  const user = useCurrentUser();
  return (
    <>
      <h1>{guideText.title}</h1>
      <p>{guideText.intro}</p>
      <RoleSection role={user.role} heading="h2" />
      {(user.role === 'cooperative' || user.role === 'case_manager' || user.role === 'admin') && <CsvFormat />}
      <h2>{guideText.otherRoles}</h2>
      {ROLES.filter((role) => role !== user.role).map((role) => (
        <RoleSection key={role} role={role} heading="summary" />
      ))}
    </>
  );
}
