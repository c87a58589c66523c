// Textes français des notifications (clés de ./ko.ts).
import type { NotificationCatalogue } from './catalogue.ts';

export const fr: NotificationCatalogue = {
  kinds: {
    'deadline-approaching': { title: 'Plus que {days, plural, one {# jour} other {# jours}} : {subject}', body: 'L’échéance de {subject} est le {due, date, long}. Jours restants : {days}.' },
    'deadline-overdue': { title: 'Échéance dépassée : {subject}', body: 'L’échéance de {subject}, le {due, date, long}, est dépassée.' },
    transition: { title: '{subject} : {state}', body: '{actor} : {subject} — {state}.' },
    'expert-assigned': { title: 'Évaluation confiée : {subject}', body: '{actor} vous a confié l’évaluation de {subject}. Déclarez tout conflit d’intérêts, puis notez le plan selon les critères de {rule}.' },
    'opinion-requested': { title: 'Avis demandé : {subject}', body: '{actor} demande l’avis écrit de votre ministère sur {subject} d’ici le {due, date, long} ({rule}).' },
    message: { title: '{subject}', body: '{text}' },
  },
  events: {
    'plan:drafting': 'en rédaction', 'plan:signing_off': 'en signature', 'plan:submitted': 'déposé', 'plan:under_review': 'en examen',
    'plan:supplement_requested': 'complément demandé', 'plan:returned': 'renvoyé', 'plan:deliberation': 'devant le comité', 'plan:designated': 'désigné',
    'plan:designated_with_conditions': 'désigné sous conditions', 'plan:rejected': 'non désigné', 'plan:sent_back': 'renvoyé pour réexamen', 'plan:withdrawn': 'retiré',
    'report:accepted': 'rapport accepté', 'report:changes_requested': 'modifications du rapport demandées',
    'incident:minor': 'incident mineur déclaré', 'incident:serious': 'incident grave déclaré', 'incident:critical': 'incident critique déclaré',
    'exemption:suspended': 'dérogation suspendue', 'exemption:suspension_lifted': 'suspension de la dérogation levée',
    'rapid:filed': 'demande déposée', 'rapid:forwarded': 'transmise aux ministères compétents, qui répondent sous 30 jours ({rule})', 'rapid:answered_locally': 'réponse de la collectivité',
    'rapid:supplement_requested': 'complément demandé : le délai du ministère est suspendu ({rule})', 'rapid:supplement_provided': 'complément fourni : le délai du ministère reprend',
    'rapid:replied': 'réponse du ministère : {answer}{outcome, select, answered { — demande répondue} committee { — renvoi au comité} other {}}',
    'rapid:decided': 'décision du comité : {answer}', 'rapid:deemed': 'pas de réponse au {due, date, long} : « pas d’autorisation nécessaire » est réputé répondu ({rule})',
    'zone:expired': 'période échue le {ended, date, long} ; suivi jusqu’au {until, date, long}', 'zone:closed': 'suivi terminé',
    'zone:change_filed': '{minor, select, yes {modification mineure déposée} other {modification déposée}}', 'zone:change_moved': 'modification : {changeState}',
    'zone:evaluated': 'évaluation {year} : {grade}{consequence, select, cancellation { — avertissement de retrait ({rule})} improvement { — mesures d’amélioration ({rule})} other {}}',
    'zone:extended': 'prolongée jusqu’au {until, date, long}', 'zone:hearing_held': 'audition tenue ({ground})', 'zone:cancelled': 'désignation retirée ({ground}) ; suivi jusqu’au {until, date, long}',
    'zone:data_requested': 'données demandées pour le {due, date, long}', 'zone:data_answered': 'demande de données satisfaite',
  },
  deadlines: {
    'plan-decision': 'décision de désignation sous 90 jours', 'plan-ministry-reply': 'avis du ministère sous 30 jours',
    'exemption-extension_window': 'fin de la période de demande de prolongation ou de modification de la loi', 'exemption-expiry': 'échéance de la dérogation', 'exemption-results_report': 'rapport des résultats dû',
    'exemption-amendment_plan': 'plan de modification de la loi dû', 'zone-evaluation': 'évaluation {year}', 'zone-period-end': 'fin de la période de désignation',
    'zone-change-reply': 'réponse sous 15 jours à une modification', 'zone-data': 'données de suivi', 'rapid-reply': 'réponse sous 30 jours',
  },
  subjects: { deadline: '{subject} — {deadline} ({rule})', rapid: 'Confirmation rapide — {subject}' },
  values: {
    answers: { permit_needed: 'autorisation nécessaire', no_permit_needed: 'pas d’autorisation nécessaire', not_our_matter: 'hors de notre compétence' },
    changeStates: { filed: 'déposée', under_review: 'en examen', approved: 'approuvée', rejected: 'refusée', withdrawn: 'retirée' },
    grades: { excellent: 'excellent', good: 'bon', fair: 'moyen', poor: 'insuffisant' },
    grounds: {
      'purpose-unattainable': 'objectif inatteignable', 'serious-side-effects': 'effets secondaires graves', fraud: 'fraude', 'change-of-circumstances': 'changement de circonstances',
      'purpose-achieved': 'objectif atteint', 'poor-performance': 'résultats insuffisants',
    },
  },
  system: 'ZoneLink',
};
