// Notifications as message keys with parameters (docs/decisions/0043-icu-messages.md): the e-mail outbox no longer
// stores a subject and body — the mailer renders them from the notification in the recipient's language when it
// sends — and notifications written before keep their kind while the English phrases in their parameters become
// events, deadlines and values that every language names (src/i18n/notifications). Rows no pattern matches keep
// their parameters and are rendered by the fallback (a bare state named per language, anything else as stored).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table email_outbox alter column subject drop not null, alter column body drop not null`.execute(db);
  // Events of transition notices, by the object they concern and the phrase stored as their state.
  await sql`
    update notification set params = params || jsonb_build_object('state', 'plan:' || (params->>'state'))
     where kind = 'transition' and object_type = 'zone_plan' and params->>'state' !~ ':';
    update notification set params = params || jsonb_build_object('state', case params->>'state'
        when 'accepted' then 'report:accepted' when 'changes_requested' then 'report:changes_requested'
        when 'exemption suspended' then 'exemption:suspended' when 'suspension lifted' then 'exemption:suspension_lifted' end)
     where kind = 'transition' and object_type = 'demonstration_project'
       and params->>'state' in ('accepted', 'changes_requested', 'exemption suspended', 'suspension lifted');
    update notification set params = params || jsonb_build_object('state', 'incident:' || substring(params->>'state' from 'incident: (\w+)'))
     where kind = 'transition' and object_type = 'demonstration_incident' and params->>'state' ~ '^incident: \w+$';
  `.execute(db);
  await sql`
    update notification set params = params || jsonb_build_object('about', 'rapid', 'subject', substring(params->>'subject' from '^신속확인 — (.*)$'))
     where object_type = 'rapid_confirmation' and params->>'subject' ~ '^신속확인 — ';
    update notification set params = params || case
        when params->>'state' = 'filed' then jsonb_build_object('state', 'rapid:filed')
        when params->>'state' = 'answered by the local government' then jsonb_build_object('state', 'rapid:answered_locally')
        when params->>'state' like 'forwarded to the responsible ministries%' then jsonb_build_object('state', 'rapid:forwarded', 'rule', 'RFZ Act Art. 85(4)')
        when params->>'state' like 'supplement requested%' then jsonb_build_object('state', 'rapid:supplement_requested', 'rule', 'RFZ Act Art. 85(4)')
        when params->>'state' like 'supplement provided%' then jsonb_build_object('state', 'rapid:supplement_provided')
        when params->>'state' ~ '^ministry reply: \w+' then jsonb_build_object('state', 'rapid:replied', 'answer', substring(params->>'state' from '^ministry reply: (\w+)'),
                                                                          'outcome', coalesce(substring(params->>'state' from ' — (\w+)$'), 'none'))
        when params->>'state' ~ '^decided by the committee: \w+' then jsonb_build_object('state', 'rapid:decided', 'answer', substring(params->>'state' from ': (\w+)$'))
        when params->>'state' ~ '^no reply by \d{4}-\d{2}-\d{2}' then jsonb_build_object('state', 'rapid:deemed', 'due', substring(params->>'state' from '(\d{4}-\d{2}-\d{2})'), 'rule', 'RFZ Act Art. 85(5)')
        else '{}'::jsonb end
     where kind = 'transition' and object_type = 'rapid_confirmation';
  `.execute(db);
  await sql`
    update notification set params = params || case
        when params->>'state' = 'closed' then jsonb_build_object('state', 'zone:closed')
        when params->>'state' = 'data request answered' then jsonb_build_object('state', 'zone:data_answered')
        when params->>'state' = 'change filed (minor)' then jsonb_build_object('state', 'zone:change_filed', 'minor', 'yes')
        when params->>'state' = 'change filed' then jsonb_build_object('state', 'zone:change_filed', 'minor', 'no')
        when params->>'state' ~ '^change \w+$' then jsonb_build_object('state', 'zone:change_moved', 'changeState', substring(params->>'state' from '^change (\w+)$'))
        when params->>'state' ~ '^expired on ' then jsonb_build_object('state', 'zone:expired', 'ended', substring(params->>'state' from '^expired on (\d{4}-\d{2}-\d{2})'),
                                                                     'until', substring(params->>'state' from 'until (\d{4}-\d{2}-\d{2})'))
        when params->>'state' ~ '^extended to ' then jsonb_build_object('state', 'zone:extended', 'until', substring(params->>'state' from '(\d{4}-\d{2}-\d{2})'))
        when params->>'state' ~ '^hearing held \(' then jsonb_build_object('state', 'zone:hearing_held', 'ground', substring(params->>'state' from '\(([^)]+)\)'))
        when params->>'state' ~ '^cancelled \(' then jsonb_build_object('state', 'zone:cancelled', 'ground', substring(params->>'state' from '\(([^)]+)\)'),
                                                                      'until', substring(params->>'state' from 'until (\d{4}-\d{2}-\d{2})'))
        when params->>'state' ~ '^data requested, due ' then jsonb_build_object('state', 'zone:data_requested', 'due', substring(params->>'state' from '(\d{4}-\d{2}-\d{2})'))
        when params->>'state' ~ '^evaluation \d{4}: \w+' then jsonb_build_object('state', 'zone:evaluated', 'year', substring(params->>'state' from '^evaluation (\d{4})')::int,
            'grade', substring(params->>'state' from '^evaluation \d{4}: (\w+)'),
            'consequence', case when params->>'state' like '%cancellation warning%' then 'cancellation' when params->>'state' like '%improvement measures%' then 'improvement' else 'none' end,
            'rule', case when params->>'state' like '%cancellation warning%' then 'RFZ Act Art. 82(3)' else 'RFZ Act Art. 83(3)' end)
        else '{}'::jsonb end
     where kind = 'transition' and object_type = 'zone';
  `.execute(db);
  // Deadline notices: "<title> — <English label>" becomes the title, the deadline and its article.
  await sql`
    update notification n set params = n.params || jsonb_build_object('subject', left(n.params->>'subject', length(n.params->>'subject') - length(d.label) - 3), 'deadline', d.key, 'rule', d.rule)
      from (values
        ('90-day designation decision (Decree Art. 44(1))', 'plan-decision', 'Decree Art. 44(1)'),
        ('30-day ministry reply (Act Art. 75(2))', 'plan-ministry-reply', 'RFZ Act Art. 75(2)'),
        ('extension / law-amendment request window closes (Act Art. 86(10), 87(9))', 'exemption-extension_window', 'RFZ Act Art. 86(10), 87(9)'),
        ('exemption expires (Act Art. 86(10))', 'exemption-expiry', 'RFZ Act Art. 86(10)'),
        ('results report due (Act Art. 87(11))', 'exemption-results_report', 'RFZ Act Art. 87(11)'),
        ('law-amendment plan due (Act Art. 87(6))', 'exemption-amendment_plan', 'RFZ Act Art. 87(6)'),
        ('designation period ends (Decree Art. 44(3)2)', 'zone-period-end', 'Decree Art. 44(3)2'),
        ('15-day reply on a change (Act Art. 81(2))', 'zone-change-reply', 'RFZ Act Art. 81(2)'),
        ('post-management data (Act Art. 84(2))', 'zone-data', 'RFZ Act Art. 84(2)'),
        ('30-day reply (Act Art. 85(4))', 'rapid-reply', 'RFZ Act Art. 85(4)')
      ) as d(label, key, rule)
     where n.kind in ('deadline-approaching', 'deadline-overdue') and right(n.params->>'subject', length(d.label) + 3) = ' — ' || d.label;
    update notification set params = params || jsonb_build_object('subject', substring(params->>'subject' from '^(.*) — \d{4} evaluation \(Act Art\. 83\)$'),
        'deadline', 'zone-evaluation', 'year', substring(params->>'subject' from ' — (\d{4}) evaluation')::int, 'rule', 'RFZ Act Art. 83')
     where kind in ('deadline-approaching', 'deadline-overdue') and params->>'subject' ~ ' — \d{4} evaluation \(Act Art\. 83\)$';
    update notification set params = params || jsonb_build_object('about', 'rapid', 'subject', substring(params->>'subject' from '^신속확인 — (.*)$'))
     where kind in ('deadline-approaching', 'deadline-overdue') and params->>'subject' ~ '^신속확인 — ';
  `.execute(db);
}
