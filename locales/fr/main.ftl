# Plenary — français (traduit de l’anglais, la langue source). Un message par texte lu par une personne.
# Les identifiants sont en kebab-case ; les variables s’écrivent { $name }. Voir docs/translating.md.


## Site
site-name = Plenary
site-tagline = Consultations multipartites, paragraphe par paragraphe
site-skip = Aller au contenu principal
nav-consultations = Consultations
nav-me = Mon compte
nav-moderation = Modération
nav-admin = Administration
nav-login = Se connecter
nav-register = Créer un compte
nav-logout = Se déconnecter
nav-main = Navigation principale
footer-text = Plenary — des consultations ouvertes pour l’examen WSIS+20 et au-delà.

## Groupes de parties prenantes
group-government = Gouvernement
group-private_sector = Secteur privé
group-civil_society = Société civile
group-academia = Milieux universitaires
group-technical_community = Communauté technique
group-international_organization = Organisation internationale

## Rôles
role-participant = Participant
role-moderator = Modérateur
role-admin = Administrateur

## Modes de notification
mode-immediate = Immédiatement, un courriel par événement
mode-daily_digest = Un récapitulatif quotidien
mode-off = Aucune notification

## Formulaires relatifs au compte
field-email = Adresse électronique
field-password = Mot de passe
field-password-hint = Au moins 10 caractères. Une longue phrase est plus facile à retenir et plus difficile à deviner.
field-new_password = Nouveau mot de passe
field-current_password = Mot de passe actuel
field-display_name = Votre nom, tel que les autres le verront
field-stakeholder_group = Groupe de parties prenantes
field-organization = Organisation (facultatif)
field-country = Pays (facultatif, code ISO à deux lettres, par exemple KE)
field-notification_mode = Notifications par courriel
register-title = Créer un compte
register-lead = Commentez les projets, proposez des amendements et suivez les débats. Nous vous enverrons un courriel pour confirmer votre adresse.
register-submit = Créer le compte
register-have_account = Vous avez déjà un compte ?
register-done = Votre compte a été créé. Nous vous avons envoyé un courriel : suivez le lien qu’il contient pour confirmer votre adresse, puis connectez-vous.
login-title = Se connecter
login-submit = Se connecter
login-failed = L’adresse électronique ou le mot de passe est incorrect.
login-suspended = Ce compte est suspendu. Si vous pensez qu’il s’agit d’une erreur, veuillez contacter le secrétariat.
login-forgot = Mot de passe oublié ?
login-no_account = Pas encore de compte ?
logout-title = Se déconnecter
logout-lead = Se déconnecter de Plenary sur ce navigateur.
logout-done = Votre session a été fermée.
verify-title = Confirmez votre adresse électronique
verify-lead = Pour pouvoir commenter les projets, confirmez votre adresse : ouvrez le lien figurant dans le courriel que nous vous avons envoyé lors de la création de votre compte.
verify-press = Appuyez sur le bouton pour confirmer que cette adresse électronique est bien la vôtre.
verify-submit = Confirmer mon adresse électronique
verify-done = Votre adresse électronique est confirmée. Vous pouvez désormais participer.
verify-bad = Ce lien de confirmation n’est pas valide ou a expiré.
verify-bad-next = Si vous avez déjà confirmé votre adresse, il vous suffit de vous connecter.
reset-title = Réinitialiser votre mot de passe
reset-lead = Saisissez l’adresse de votre compte. S’il existe un compte à cette adresse, nous y enverrons un lien valable une heure.
reset-submit = Envoyer le lien
reset-sent = S’il existe un compte à cette adresse, un courriel contenant un lien de réinitialisation est en cours d’envoi.
reset-choose = Choisissez un nouveau mot de passe
reset-confirm = Enregistrer le nouveau mot de passe
reset-done = Votre mot de passe a été modifié. Connectez-vous avec le nouveau mot de passe.
reset-bad = Ce lien de réinitialisation n’est pas valide, a déjà été utilisé ou a expiré.
me-title = Mon compte
me-profile = Profil
me-save = Enregistrer
me-saved = Vos modifications ont été enregistrées.
me-password = Changer de mot de passe
me-password-done = Votre mot de passe a été modifié. Les sessions ouvertes sur d’autres navigateurs et appareils ont été fermées.
me-unverified = Votre adresse électronique n’est pas encore confirmée. Suivez le lien figurant dans le courriel que nous vous avons envoyé.
me-verified_affiliation = Affiliation vérifiée par le secrétariat
me-unverified_affiliation = Affiliation non vérifiée
me-signout_everywhere = Se déconnecter partout
me-my_data = Vos données
me-my_data_explained = Téléchargez, sous la forme d’un fichier JSON unique, l’ensemble des données que Plenary détient sur votre compte : votre profil, vos commentaires et leurs versions antérieures, les signalements que vous avez effectués, les projets que vous suivez, les courriels qui vous ont été envoyés et votre historique de sécurité.
me-my_data_download = Télécharger mes données
me-delete_explained = Supprimez votre compte et les données personnelles qu’il contient. Vos commentaires publiés restent dans le dossier de la consultation, sous la signature « Ancien participant ».

## Suppression d’un compte
delete-title = Supprimer mon compte
delete-erased = Votre adresse électronique, votre nom, votre organisation, votre pays, votre mot de passe, vos paramètres d’authentification à deux facteurs, les projets que vous suivez, les courriels en attente d’envoi et votre historique de sécurité sont immédiatement effacés, et toutes vos sessions sont fermées.
delete-kept = Vos commentaires publiés et les amendements que vous avez proposés restent dans le dossier de la consultation, car la compilation des contributions établie par le secrétariat doit conserver sa structure : ils porteront la mention « Ancien participant », accompagnée uniquement du groupe de parties prenantes au titre duquel vous les avez rédigés. Si vous ne souhaitez pas qu’un commentaire soit conservé, retirez-le avant de supprimer votre compte.
delete-first_download = Vous souhaiterez peut-être d’abord conserver une copie de vos données.
delete-code_hint = L’authentification à deux facteurs est activée : saisissez un code fourni par votre application ou un code de récupération.
delete-submit = Supprimer définitivement mon compte
delete-cancel = Conserver mon compte
delete-done_title = Votre compte a été supprimé
delete-done = Votre compte et les données personnelles qui s’y rattachaient ont été effacés. Vous pouvez vous inscrire de nouveau à tout moment avec la même adresse.
delete-admin_title = Supprimer le compte
delete-admin_lead = Supprimer ce compte à la demande de son titulaire. Le journal d’audit consigne que vous l’avez fait, et à quel moment, mais rien de ce qui est effacé.
delete-admin_submit = Supprimer ce compte

## Avis de confidentialité
footer-privacy = Avis de confidentialité
register-privacy = Ce que nous conservons à votre sujet, et pendant combien de temps :
privacy-title = Avis de confidentialité
privacy-lead = Plenary conserve ce dont une consultation publique a besoin, et rien de plus. Cette page indique ce qui est conservé, pourquoi, pendant combien de temps et qui peut y accéder.
privacy-what = Ce que nous conservons
privacy-what-account = Votre compte : adresse électronique, nom, groupe de parties prenantes, organisation et pays (tels que vous les indiquez), votre mot de passe sous forme d’empreinte Argon2id, le secret de votre second facteur si vous l’activez, et vos paramètres de notification.
privacy-what-comments = Ce que vous écrivez : commentaires, réponses et propositions d’amendement, avec leurs versions antérieures, les signalements que vous effectuez et les projets que vous suivez. Chaque commentaire conserve également le groupe de parties prenantes, l’organisation et le pays qui étaient les vôtres au moment où vous l’avez rédigé.
privacy-what-emails = Les courriels qui vous sont envoyés (confirmations, réinitialisations de mot de passe, notifications, récapitulatifs), sous forme de copies dans la file d’attente des messages sortants.
privacy-what-security = Votre historique de sécurité : connexions, tentatives de connexion infructueuses et modifications de votre mot de passe ou de votre second facteur. La base de données ne conserve aucune adresse réseau (IP) ; le journal du serveur enregistre l’adresse des requêtes refusées, afin de prévenir les abus.
privacy-why = Pourquoi
privacy-why-text = Pour mener la consultation : afin que le secrétariat puisse pondérer les contributions par groupe de parties prenantes, que vous puissiez être informé des réponses et des nouvelles versions, et que les comptes et le dossier des contributions soient protégés contre toute utilisation abusive. Rien n’est vendu, ni utilisé à des fins de profilage ou de publicité.
privacy-how_long = Pendant combien de temps
privacy-how_long-account = Votre compte et ce que vous écrivez : jusqu’à la suppression de votre compte. Les commentaires publiés restent alors dans le dossier de la consultation sous la mention « Ancien participant ».
privacy-how_long-retention = Courriels remis, historique de sécurité, tentatives de connexion infructueuses et liens de connexion utilisés : { $days } jours, après quoi ils sont automatiquement supprimés.
privacy-how_long-log = Le journal du serveur : aussi longtemps que l’exploitant de ce site le conserve.
privacy-who = Qui peut y accéder
privacy-who-public = Tout le monde : vos commentaires publiés, avec ou sans votre nom et votre organisation, selon ce que vous avez choisi pour chaque commentaire, ainsi que votre groupe de parties prenantes.
privacy-who-staff = Les modérateurs et les administrateurs de cette consultation : les informations relatives à votre compte, afin de vérifier les affiliations et de veiller à la courtoisie des échanges. Chacune de leurs décisions concernant un compte est consignée dans un journal d’audit.
privacy-who-never = Personne d’autre : votre adresse électronique n’est jamais communiquée aux autres participants ni incluse dans les exportations.
privacy-rights = Vos droits
privacy-rights-download = Téléchargez, depuis Mon compte, l’ensemble des données que nous détenons sur votre compte, sous la forme d’un fichier unique.
privacy-rights-delete = Supprimez votre compte depuis Mon compte, ou demandez à un administrateur de le faire pour vous.
privacy-rights-correct = Corrigez à tout moment votre nom, votre organisation, votre pays et vos paramètres de notification dans Mon compte.
privacy-cookies = Cookies
privacy-cookies-text = Deux cookies, tous deux nécessaires au fonctionnement du site : l’un maintient votre connexion, l’autre protège les formulaires contre la falsification. Aucun cookie de suivi ni de mesure d’audience.
me-role = Rôle
me-affiliation = Affiliation
mfa-title = Authentification à deux facteurs
mfa-lead = Saisissez le code à six chiffres affiché par votre application d’authentification, ou l’un de vos codes de récupération.
mfa-code = Code à usage unique
mfa-wrong = Ce code est incorrect. Les codes changent toutes les 30 secondes.
mfa-expired = Votre connexion a pris trop de temps. Veuillez recommencer.
mfa-section = Authentification à deux facteurs
mfa-off = L’authentification à deux facteurs est désactivée. Activez-la pour protéger votre compte au moyen d’un code fourni par une application d’authentification.
mfa-on = L’authentification à deux facteurs est activée.
mfa-setup = Configurer l’authentification à deux facteurs
mfa-scan = Scannez ce code avec une application d’authentification (ou saisissez la clé ci-dessous), puis tapez le code à six chiffres qu’elle affiche.
mfa-key = Clé
mfa-enable = Activer
mfa-disable = Désactiver l’authentification à deux facteurs
mfa-codes = Vos codes de récupération
mfa-codes-lead = Chaque code ne peut servir qu’une seule fois, en cas de perte de votre téléphone. Conservez-les en lieu sûr : ils ne sont affichés qu’une fois, maintenant.
mfa-required = Les modérateurs et les administrateurs doivent activer l’authentification à deux facteurs avant de pouvoir exercer leurs attributions.
mod-suspended = Participants suspendus
mod-unsuspend = Lever la suspension de
filter-group = Afficher les contributions de
filter-all_groups = Tous les groupes de parties prenantes
filter-apply = Afficher
form-errors = Veuillez corriger les champs signalés ci-dessous.
form-csrf = Ce formulaire a expiré. Veuillez réessayer.
error-title = Une erreur s’est produite
error-not_found = Page introuvable
error-forbidden = Vous n’êtes pas autorisé à effectuer cette action
error-unauthorized = Veuillez vous connecter
error-rate_limited = Trop de tentatives. Veuillez patienter quelques minutes, puis réessayer.
error-internal = Une erreur inattendue s’est produite. Veuillez réessayer ultérieurement.
error-moderators_only = Seuls les modérateurs peuvent accéder à cette page.
error-admins_only = Seuls les administrateurs peuvent accéder à cette page.

## Consultations et projets
status-upcoming = À venir
status-open = Ouverte aux commentaires
status-closed = Close
consultations-none = Aucune consultation pour le moment.
consultation-drafts = Projets
consultation-no_drafts = Aucun projet n’a encore été publié dans le cadre de cette consultation.
consultation-window = Ouverte aux commentaires
consultation-premoderated = Les commentaires sont examinés par un modérateur avant d’être publiés.
draft-closed = Cette consultation est close : il n’est plus possible de rédiger, de modifier ni de retirer des commentaires.
draft-upcoming = Cette consultation n’est pas encore ouverte : vous pourrez rédiger des commentaires dès son ouverture.
draft-read_only = Cette version a été remplacée par une version révisée. Ses commentaires restent consultables ; veuillez commenter la dernière version.
draft-contents = Table des matières
draft-general = Commentaires généraux sur l’ensemble du projet
draft-general-link = Lire et rédiger des commentaires généraux
draft-comments-count = { $n ->
    [one] { $n } commentaire
   *[other] { $n } commentaires
}
draft-no_comments = Aucun commentaire pour le moment
draft-read_thread = Lire tous les commentaires sur ce paragraphe et y répondre
draft-comment_here = Commenter ce paragraphe
draft-by_group = Commentaires par groupe de parties prenantes
draft-sign_in_to_comment = Connectez-vous pour commenter
draft-download = Télécharger les contributions

## Exportation (section de téléchargement et compilation imprimable)
export-download-lead = Tout ce qui a été dit sur ce projet, à l’intention du secrétariat et de tous : commentaires et amendements publiés, par paragraphe et par groupe de parties prenantes.
export-download-csv = CSV — données pour tableur
export-download-json = JSON — pour les logiciels
export-download-xlsx = Classeur Excel (XLSX)
export-download-html = Compilation imprimable (HTML ; à imprimer au format PDF)
export-download-docx = Compilation au format Word (DOCX, modifiable)
export-download-pdf = Compilation au format PDF
export-download-group = Groupe de parties prenantes
export-download-format = Format
export-download-submit = Télécharger
export-download-moderators = Y compris les commentaires masqués, en attente, rejetés et retirés (modérateurs)
export-compilation = Compilation des contributions des parties prenantes
export-generated = Généré le
export-window = Période de consultation
export-scope = Commentaires inclus
export-scope-published = Commentaires publiés
export-scope-all = Tous les commentaires, y compris ceux qui sont masqués, en attente, rejetés ou retirés
export-all_groups = Tous les groupes de parties prenantes
export-summary = Récapitulatif par groupe de parties prenantes
export-comments = Commentaires
export-amendments = Propositions d’amendement
export-total = Total
export-paragraph = Paragraphe
export-general = Commentaires généraux
export-text = Texte du projet
export-no_input = Aucune contribution sur ce paragraphe.
export-legend = Les propositions d’amendement sont présentées par rapport au texte du paragraphe :
export-legend-added = mots ajoutés
export-legend-removed = mots supprimés
para-back = Retour à l’ensemble du projet
para-title = Paragraphe
para-thread = Commentaires et amendements
para-more = Afficher les commentaires suivants
form-comment-title = Ajouter un commentaire
form-amend-title = Proposer un amendement
form-amend-hint = Modifiez ci-dessous le texte du paragraphe pour lui donner le libellé que vous proposez ; les lecteurs verront la différence.
form-body = Votre commentaire
form-body-hint = Texte brut ; laissez une ligne vide entre les paragraphes. 10 000 caractères au maximum.
form-reason = Motif de la modification proposée
form-proposed_text = Texte proposé pour le paragraphe
form-attribution = Afficher mon commentaire sous
form-attribution-name = Mon nom, mon organisation et mon groupe de parties prenantes
form-attribution-organization = Mon organisation et mon groupe de parties prenantes uniquement
form-attribution-group = Mon groupe de parties prenantes uniquement
form-submit-comment = Publier le commentaire
form-submit-amend = Proposer l’amendement
form-submit-reply = Publier la réponse
form-reply = Répondre
form-edit = Modifier
form-save = Enregistrer les modifications
form-withdraw = Retirer
comment-placeholder-withdrawn = Ce commentaire a été retiré par son auteur.
comment-placeholder-hidden = Ce commentaire a été masqué par un modérateur.
comment-placeholder-rejected = Ce commentaire a été supprimé par un modérateur.
comment-edited = modifié
comment-amendment = Proposition d’amendement
comment-proposed = Texte proposé
comment-unverified = affiliation non vérifiée
comment-verified = affiliation vérifiée
comment-pending = En attente de modération : seuls vous et les modérateurs pouvez voir ce commentaire.
comment-posted = Votre commentaire a été publié.
comment-posted_pending = Merci. Votre commentaire sera publié dès qu’un modérateur l’aura approuvé.
comment-anonymous_group = Un participant
comment-replies = Réponses
comment-status-pending = En attente de modération
comment-status-published = Publié
comment-status-hidden = Masqué
comment-status-rejected = Rejeté
comment-status-withdrawn = Retiré

## Administration
admin-title = Administration
admin-consultations = Consultations
admin-new_consultation = Créer une consultation
admin-create = Créer
admin-edit_consultation = Modifier la consultation
admin-import = Importer un projet
admin-import-hint = Markdown : les titres ouvrent des sections ; chacun des autres blocs constitue un paragraphe numéroté. Un paragraphe qui commence par son propre numéro (12., PP3, OP 4, (a)) le conserve. Les étiquettes telles que {"{"}C2 SDG9{"}"} placées à la fin d’un paragraphe sont enregistrées comme étiquettes.
admin-users = Comptes
admin-search = Rechercher
admin-failed_emails = Courriels non remis
admin-no_failed = Aucun échec d’envoi de courriel.
admin-retry = Réessayer
admin-saved = Enregistré.
admin-apply = Appliquer
admin-status = Statut
admin-public_page = Page publique
admin-email-subject = Objet
admin-email-attempts = Tentatives
admin-email-error = Erreur
admin-email-created = Créé le
field-title = Titre
field-summary = Résumé
field-opens_at = Ouverture (UTC)
field-closes_at = Clôture (UTC)
field-moderation = Modération
field-moderation-post = Publier immédiatement, modérer ensuite
field-moderation-pre = Retenir chaque commentaire jusqu’à son approbation par un modérateur
field-version_label = Intitulé de la version (par exemple Avant-projet, Rev.1)
field-text = Texte du projet (Markdown)
field-docx = Fichier Word (.docx)
field-docx-hint = À la place du texte ci-dessous. Les titres ouvrent les sections ; la numérotation automatique de Word et les numéros saisis (12., PP3, (a)) deviennent les numéros des paragraphes ; le gras et l’italique sont conservés. 10 Mio au plus.
import-warnings = Le fichier Word a été converti, mais une partie de son contenu n’a pas pu être reprise (voir ci-dessous). Rien n’est encore enregistré : vérifiez le texte puis poursuivez, ou corrigez le fichier et téléversez-le de nouveau.
field-role = Rôle
field-q = Nom, adresse électronique ou organisation
field-verified = Affiliation vérifiée
field-suspended = Suspendu

## Modération
mod-title = Modération
mod-queue = File d’examen
mod-queue-empty = Aucun élément en attente d’examen.
mod-log = Journal d’audit
mod-log-lead = Toutes les décisions de modération, modifications de rôle, suspensions et vérifications d’affiliation, des plus récentes aux plus anciennes. Les entrées ne peuvent être ni modifiées ni supprimées.
mod-why-pending = En attente d’approbation (consultation avec modération préalable)
mod-why-flagged = Signalé par des participants
mod-flags = Signalements
mod-on_paragraph = Sur le paragraphe
mod-general = Commentaire général sur le projet
mod-recent = Autres commentaires récents de l’auteur
mod-history = Versions antérieures
mod-reason = Motif (obligatoire pour masquer ou rejeter ; l’auteur en prendra connaissance)
mod-approve = Approuver
mod-hide = Masquer
mod-reject = Rejeter
mod-restore = Rétablir
mod-suspend = Suspendre l’auteur
mod-done = Décision enregistrée.
mod-actor = Qui
mod-action = Quoi
mod-target = Objet
mod-when = Quand
flag-title = Signaler
flag-reason = Pourquoi signalez-vous ce commentaire ?
flag-spam = Contenu indésirable ou publicité
flag-abusive = Propos injurieux ou choquants
flag-off_topic = Hors sujet
flag-other = Autre motif
flag-note = Note à l’intention des modérateurs (facultatif)
flag-submit = Envoyer le signalement
flag-done = Merci. Les modérateurs examineront ce commentaire.

## Notifications
follow-title = Notifications par courriel
follow-on = M’informer par courriel des nouveaux commentaires sur ce projet
follow-off = Ne plus m’envoyer de courriels concernant ce projet
follow-following = Vous suivez ce projet : les nouveaux commentaires vous sont envoyés par courriel conformément à vos paramètres de notification.
follow-not_following = Suivez ce projet pour être informé des nouveaux commentaires. Vous êtes toujours informé des réponses à vos propres commentaires.
unsub-title = Se désabonner des notifications
unsub-lead = Ne plus recevoir aucun courriel de notification de Plenary. Les courriels relatifs à votre compte (confirmation de votre adresse, réinitialisation de votre mot de passe) continueront de vous être envoyés.
unsub-submit = Se désabonner
unsub-done = Vous ne recevrez plus de courriels de notification. Vous pouvez les réactiver dans les paramètres de votre compte.
unsub-settings = Paramètres de notification

## Versions révisées
rev-earlier = Contributions sur les versions antérieures
rev-comments-on = { $n ->
    [one] { $n } commentaire sur le ¶{ $label } de la version { $version }
   *[other] { $n } commentaires sur le ¶{ $label } de la version { $version }
}
rev-changes = Modifications par rapport à la version antérieure
rev-concordance = Concordance avec la version précédente
rev-concordance-lead = Correspondance entre chaque paragraphe de cette version et la version précédente.
rev-compare = Comparer les versions
rev-compare-with = Comparer avec
rev-versions = Versions
rev-from = Paragraphe antérieur
rev-to = Cette version
rev-change = Modification
rev-none = Il s’agit de la première version du document.
rev-revise = Publier une version révisée
rev-revise-lead = Collez le texte intégral de la nouvelle version. Plenary propose, pour chaque nouveau paragraphe, le paragraphe antérieur dont il est issu ; vous pouvez corriger chaque lien avant la publication.
rev-review = Vérifier la filiation proposée
rev-review-lead = Pour chaque paragraphe de la nouvelle version, indiquez les numéros des paragraphes antérieurs dont il est issu (séparés par des espaces ; champ vide pour un nouveau paragraphe). Corrigez les liens si nécessaire, puis publiez.
rev-publish = Publier la version révisée
rev-propose = Proposer la filiation
rev-deleted = Paragraphes supprimés
change-unchanged = inchangé
change-edited = modifié
change-split = scindé
change-merged = fusionné
change-moved = déplacé
change-new = nouveau
change-deleted = supprimé
disp-title = Réponse du secrétariat
disp-incorporated = Intégré
disp-partly_incorporated = Partiellement intégré
disp-not_incorporated = Non intégré
disp-noted = Pris note
disp-record = Enregistrer la réponse
disp-explanation = Explication (publique, facultative)

## Courriels
email-verify-subject = Confirmez votre adresse électronique pour Plenary
email-verify-body = Bienvenue sur Plenary. Veuillez confirmer votre adresse électronique en ouvrant ce lien :
email-reset-subject = Réinitialisation de votre mot de passe Plenary
email-reset-body = Une demande de réinitialisation du mot de passe de votre compte Plenary a été faite. Si vous en êtes l’auteur, ouvrez ce lien dans un délai d’une heure :
email-reset-ignore = Si vous n’êtes pas à l’origine de cette demande, ne tenez pas compte de ce courriel : votre mot de passe reste inchangé.

## Étiquettes des paragraphes : grandes orientations du SMSI et Objectifs de développement durable
wsis-C1 = Rôle des gouvernements et de toutes les parties prenantes dans la promotion des TIC pour le développement
wsis-C2 = Infrastructure de l’information et de la communication
wsis-C3 = Accès à l’information et au savoir
wsis-C4 = Renforcement des capacités
wsis-C5 = Établir la confiance et la sécurité dans l’utilisation des TIC
wsis-C6 = Environnement propice
wsis-C7 = Applications TIC
wsis-C8 = Diversité et identité culturelles, diversité linguistique et contenus locaux
wsis-C9 = Médias
wsis-C10 = Dimensions éthiques de la société de l’information
wsis-C11 = Coopération internationale et régionale
sdg-1 = Pas de pauvreté
sdg-2 = Faim « zéro »
sdg-3 = Bonne santé et bien-être
sdg-4 = Éducation de qualité
sdg-5 = Égalité entre les sexes
sdg-6 = Eau propre et assainissement
sdg-7 = Énergie propre et d’un coût abordable
sdg-8 = Travail décent et croissance économique
sdg-9 = Industrie, innovation et infrastructure
sdg-10 = Inégalités réduites
sdg-11 = Villes et communautés durables
sdg-12 = Consommation et production responsables
sdg-13 = Mesures relatives à la lutte contre les changements climatiques
sdg-14 = Vie aquatique
sdg-15 = Vie terrestre
sdg-16 = Paix, justice et institutions efficaces
sdg-17 = Partenariats pour la réalisation des objectifs
tags-tools = À propos de ce projet
tags-edit_link = Modifier les étiquettes des paragraphes
tags-filter-label = Afficher les paragraphes portant l’étiquette
tags-filter-all = Tous les paragraphes
tags-filter-submit = Afficher
tags-filter-showing = Paragraphes affichés : { $n } sur { $total }, à savoir ceux portant l’étiquette
tags-filter-clear = Afficher tous les paragraphes
tags-filter-unknown = Il ne s’agit pas d’une étiquette : les étiquettes sont les grandes orientations du SMSI C1–C11 et les Objectifs de développement durable SDG1–SDG17. Tous les paragraphes sont affichés.
tags-title = Étiquettes des paragraphes
tags-hint = Attribuez à chaque paragraphe les grandes orientations du SMSI (C1–C11) et les Objectifs de développement durable (SDG1–SDG17) dont il relève, séparés par des espaces, par exemple « C2 C5 SDG9 ». Laissez le champ vide pour supprimer toutes les étiquettes. Chaque paragraphe est enregistré séparément.
tags-reference = Les grandes orientations et les ODD
tags-field = Étiquettes du paragraphe { $label }
tags-save = Enregistrer les étiquettes
tags-saved = Les étiquettes du paragraphe { $label } ont été enregistrées.

## Tableau de bord de la participation
dash-link = Tableau de bord de la participation
dash-title = Tableau de bord de la participation
dash-lead = Qui s’est exprimé, et sur quelle partie du texte : commentaires, amendements et réponses publiés, par groupe de parties prenantes, paragraphe, grande orientation du SMSI, pays, région et jour. Chaque graphique est suivi de ses données sous forme de tableau.
dash-empty = Aucun commentaire n’a encore été publié sur ce projet.
dash-json = Ces données au format JSON
dash-data_table = Les données sous forme de tableau
dash-total = Total
dash-none = Aucun
dash-share = Part
dash-participants = Participants
dash-tags = Étiquettes
dash-totals = Totaux
dash-totals-comments = Commentaires publiés (amendements et réponses compris)
dash-totals-amendments = Propositions d’amendement
dash-totals-participants = Participants
dash-totals-countries = Pays
dash-totals-paragraphs = Paragraphes du projet
dash-totals-with_input = Paragraphes ayant fait l’objet de contributions
dash-totals-without_input = Paragraphes n’ayant été commentés par aucun groupe
dash-totals-general = Commentaires généraux sur l’ensemble du projet
dash-totals-flagged = Paragraphes signalés pour déséquilibre
dash-totals-silent = Groupes de parties prenantes ne s’étant pas encore exprimés
dash-balance = Équilibre
dash-balance-short = Équilibre
dash-balance-rule = Un paragraphe est signalé lorsqu’un groupe de parties prenantes a rédigé plus de { $share } % des contributions qui s’y rapportent (à partir de { $n } commentaires), ou lorsqu’un groupe qui a commenté d’autres parties du projet ne s’est pas exprimé sur un paragraphe commenté par d’autres groupes.
dash-balance-none = Aucun paragraphe n’est signalé.
dash-balance-caption = Paragraphes signalés pour déséquilibre
dash-balance-finding = Constat
dash-balance-dominant = { $group } : { $share } % des { $n } commentaires
dash-balance-silent = Aucune contribution : { $groups }
dash-note-untouched = aucune contribution
dash-note-silent = { $n ->
    [one] { $n } groupe silencieux
   *[other] { $n } groupes silencieux
}
dash-by_group = Commentaires par groupe de parties prenantes
dash-by_group-desc = Graphique à barres des commentaires publiés par groupe de parties prenantes :
dash-by_group-caption = Chaque barre représente un groupe de parties prenantes ; le nombre figurant à son extrémité correspond au nombre de commentaires publiés par ce groupe. La part est calculée sur l’ensemble des commentaires publiés.
dash-heat = Paragraphes et groupes de parties prenantes
dash-heat-lead = Paragraphes commentés par chaque groupe de parties prenantes. Plus une cellule est foncée, plus elle compte de commentaires ; les cellules hachurées n’en comptent aucun. Les lignes en gras sont signalées pour déséquilibre.
dash-heat-desc = Carte thermique croisant { $paragraphs } paragraphes et six groupes de parties prenantes, chaque cellule indiquant le nombre de commentaires d’un groupe sur un paragraphe. Paragraphes sans contribution : { $untouched } ; paragraphes signalés pour déséquilibre : { $flagged }.
dash-heat-caption = Les lignes correspondent aux paragraphes et les colonnes aux groupes de parties prenantes ; la légende indique le nombre de commentaires correspondant à chaque nuance.
dash-heat-untouched_list = Paragraphes n’ayant été commentés par aucun groupe :
dash-tag = Étiquette
dash-tag-name = Nom
dash-tag-paragraphs = Paragraphes
dash-by_action_line = Contributions par grande orientation du SMSI
dash-by_action_line-desc = Graphique à barres des commentaires publiés sur les paragraphes associés à chaque grande orientation du SMSI, empilés par groupe de parties prenantes :
dash-by_action_line-caption = Commentaires sur les paragraphes associés à chaque grande orientation, par groupe de parties prenantes. Un commentaire portant sur un paragraphe doté de deux étiquettes est comptabilisé pour chacune d’elles.
dash-by_sdg = Contributions par Objectif de développement durable
dash-by_sdg-desc = Graphique à barres des commentaires publiés sur les paragraphes associés à chaque ODD, empilés par groupe de parties prenantes :
dash-by_sdg-caption = Commentaires sur les paragraphes associés à chaque ODD, par groupe de parties prenantes. Un commentaire portant sur un paragraphe doté de deux étiquettes est comptabilisé pour chacune d’elles.
dash-by_sdg-none = Aucun paragraphe de ce projet n’est associé à un ODD.
dash-by_place = Par pays et par région
dash-by_place-lead = Le pays retenu est celui qui figurait dans le profil de l’auteur au moment de la rédaction du commentaire. Les régions suivent la norme M49 de l’Organisation des Nations Unies.
dash-by_region = Commentaires par région (ONU)
dash-by_region-desc = Graphique à barres des commentaires publiés par région M49 de l’ONU, empilés par groupe de parties prenantes :
dash-by_region-caption = Commentaires selon la région M49 du pays de l’auteur, par groupe de parties prenantes.
dash-by_sub_region = Commentaires par sous-région (ONU)
dash-by_country = Commentaires par pays
dash-by_country-desc = Graphique à barres des pays comptant le plus de commentaires publiés, empilés par groupe de parties prenantes :
dash-by_country-caption = Les quinze pays comptant le plus de commentaires ; le tableau répertorie tous les pays.
dash-by_country-none = Aucun auteur de commentaire n’a encore indiqué de pays.
dash-region = Région
dash-sub_region = Sous-région
dash-region-unknown = Pays non indiqué
dash-country = Pays
dash-country-unknown = Non indiqué
dash-by_day = Évolution de la participation
dash-by_day-desc = Histogramme des commentaires publiés par jour, empilés par groupe de parties prenantes, du { $first } au { $last } ; le jour le plus actif a été le { $peak_day }, avec { $peak } commentaires.
dash-by_day-caption = Commentaires publiés par jour (UTC), par groupe de parties prenantes.
dash-by_day-empty = Aucun commentaire n’a encore été publié.
dash-day = Jour

## Régions M49 de l’ONU
m49-002 = Afrique
m49-019 = Amériques
m49-142 = Asie
m49-150 = Europe
m49-009 = Océanie
m49-015 = Afrique septentrionale
m49-202 = Afrique subsaharienne
m49-014 = Afrique orientale
m49-017 = Afrique centrale
m49-018 = Afrique australe
m49-011 = Afrique occidentale
m49-419 = Amérique latine et Caraïbes
m49-029 = Caraïbes
m49-013 = Amérique centrale
m49-005 = Amérique du Sud
m49-021 = Amérique septentrionale
m49-143 = Asie centrale
m49-030 = Asie orientale
m49-035 = Asie du Sud-Est
m49-034 = Asie méridionale
m49-145 = Asie occidentale
m49-151 = Europe orientale
m49-154 = Europe septentrionale
m49-830 = Îles Anglo-Normandes
m49-039 = Europe méridionale
m49-155 = Europe occidentale
m49-053 = Australie et Nouvelle-Zélande
m49-054 = Mélanésie
m49-057 = Micronésie
m49-061 = Polynésie
m49-none = Aucune région

## Langues
lang-switcher = Langue
list-separator = { ", " }
field-preferred_language = Langue des pages et des courriels

## Courriels de notification
email-on-paragraph = sur le ¶{ $label }
email-on-draft = sur l’ensemble du projet
email-paragraph = ¶{ $label }
email-whole-draft = l’ensemble du projet
email-subject-reply = Réponse à votre commentaire { $on } — { $document }
email-subject-thread = Nouvelle réponse { $on } dans une discussion à laquelle vous avez participé — { $document }
email-subject-comment = Nouveau commentaire { $on } — { $document }
email-subject-amendment = Nouvel amendement { $on } — { $document }
email-lead-wrote = { $author } a écrit { $on } (« { $draft } », { $version }) :
email-byline-anonymous = Un participant ({ $group })
email-proposed-text = Texte proposé : { $text }
email-read-thread = Lire la discussion et répondre
email-queue-subject = Commentaires en attente de modération — Plenary
email-queue-lead = Des commentaires attendent dans la file d’examen ({ $n } en attente d’approbation, auxquels s’ajoutent, le cas échéant, ceux signalés par des participants).
email-queue-extra = Vous recevez au plus un courriel de ce type par heure.
email-queue-link = Ouvrir la file d’examen
email-decision-subject-approved = Votre commentaire { $on } a été approuvé — { $document }
email-decision-subject-hidden = Votre commentaire { $on } a été masqué — { $document }
email-decision-subject-rejected = Votre commentaire { $on } a été rejeté — { $document }
email-decision-lead-approved = Un modérateur a approuvé votre commentaire { $on } (« { $draft } », { $version }).
email-decision-lead-hidden = Un modérateur a masqué votre commentaire { $on } (« { $draft } », { $version }).
email-decision-lead-rejected = Un modérateur a rejeté votre commentaire { $on } (« { $draft } », { $version }).
email-your-comment = Votre commentaire :
email-moderator-reason = Motif indiqué par le modérateur : { $reason }
email-open-discussion = Ouvrir la discussion
email-revision-subject = Nouvelle version révisée publiée : { $version } — { $consultation }
email-revision-lead = Le secrétariat a publié la version { $version } de « { $draft } », qui remplace la version { $previous }. Vos contributions antérieures restent liées aux paragraphes qu’elles concernaient.
email-revision-input = Votre contribution { $on } : { $disposition }
email-revision-input-explained = Votre contribution { $on } : { $disposition } — { $explanation }
email-revision-response = Réponse du secrétariat à votre contribution :
email-revision-link = Lire la nouvelle version
email-footer-why = Vous recevez ce courriel en raison de vos paramètres de notification Plenary.
email-footer-change = Les modifier
email-footer-or = ou
email-footer-unsubscribe = vous désabonner de toutes les notifications
email-footer-text-change = Modifier vos paramètres de notification : { $url }
email-footer-text-unsubscribe = Vous désabonner de toutes les notifications : { $url }
email-digest-subject = { $n ->
    [one] Votre récapitulatif Plenary : { $n } mise à jour
   *[other] Votre récapitulatif Plenary : { $n } mises à jour
}
email-digest-lead = Voici ce qui s’est passé depuis votre dernier récapitulatif.
email-digest-change = Modifier vos paramètres de notification

## Intitulés des problèmes de l’API (dans l’API, le détail et les messages relatifs aux champs restent en anglais, car les clients s’y fient)
problem-400 = Requête incorrecte
problem-401 = Authentification requise
problem-403 = Accès interdit
problem-404 = Ressource introuvable
problem-409 = Conflit
problem-413 = Contenu trop volumineux
problem-422 = Entité impossible à traiter
problem-429 = Trop de requêtes
problem-500 = Erreur interne du serveur
problem-503 = Service indisponible

## Erreurs relatives aux champs et détails des problèmes affichés sur les pages (src/i18n/messages.rs contient les phrases
## anglaises qu’écrit le code ; les valeurs techniques telles que opens_at, csv ou C1–C11 restent inchangées)
msg-required = est obligatoire
msg-not-empty = ne doit pas être vide
msg-at-most-chars = { $n ->
    [one] doit comporter au plus { $n } caractère
   *[other] doit comporter au plus { $n } caractères
}
msg-at-least-chars = { $n ->
    [one] doit comporter au moins { $n } caractère
   *[other] doit comporter au moins { $n } caractères
}
msg-too-long = dépasse la longueur autorisée
msg-no-nul = ne doit pas contenir le caractère NUL (U+0000)
msg-no-nul-chars = ne doit pas contenir de caractères NUL
msg-no-control = ne doit pas contenir de caractères de contrôle
msg-id = doit être un identifiant
msg-one-of = doit être l’une des valeurs suivantes : { $values }
msg-refers-to-nothing = renvoie à un élément qui n’existe pas
msg-missing = fait défaut
msg-email = doit être une adresse électronique
msg-email-taken = Il existe déjà un compte associé à cette adresse électronique.
msg-password-weak = est trop facile à deviner : évitez les mots courants, les noms, les dates et les suites prévisibles ; quelques mots sans rapport entre eux constituent un bon mot de passe
msg-not-correct = est incorrect
msg-totp-wrong = ne correspond pas au code actuellement affiché par votre application d’authentification
msg-totp-used = a déjà été utilisé : attendez le code suivant de votre application d’authentification
msg-code-required = est obligatoire : l’authentification à deux facteurs est activée
msg-token-expired = n’est pas valide ou a expiré
msg-token-used = n’est pas valide, a déjà été utilisé ou a expiré
msg-country = doit être un code ISO 3166-1 à deux lettres, par exemple KE ou BR
msg-group-one-of = doit être l’une des valeurs suivantes : government, private_sector, civil_society, academia, technical_community, international_organization
msg-not-group = n’est pas un groupe de parties prenantes
msg-notification-mode = doit être l’une des valeurs suivantes : immediate, daily_digest, off
msg-role = doit valoir participant, moderator ou admin
msg-mfa-setup-first = Lancez d’abord la configuration.
msg-mfa-already-on = L’authentification à deux facteurs est déjà activée.
msg-suspended = Ce compte est suspendu.
msg-confirm-email = Confirmez votre adresse électronique avant de participer : suivez le lien figurant dans le courriel que nous vous avons envoyé.
msg-delete-own = Supprimez votre propre compte depuis Mon compte, où votre mot de passe vous sera de nouveau demandé.
msg-last-admin = Il s’agit du seul compte administrateur : désignez d’abord un autre compte comme administrateur.
msg-not-yourself = Vous ne pouvez ni vous suspendre vous-même ni modifier votre propre rôle.
msg-moderators-suspend = Les modérateurs ne peuvent suspendre que des participants.
msg-admins-roles = Seuls les administrateurs peuvent modifier les rôles ou vérifier les affiliations.
msg-staff-mfa = Les modérateurs et les administrateurs doivent d’abord activer l’authentification à deux facteurs (Mon compte).
msg-admins-only = Seuls les administrateurs peuvent effectuer cette action.
msg-moderators-only = Seuls les modérateurs peuvent effectuer cette action.
msg-after-opens = doit se situer après opens_at
msg-rfc3339 = doit être une date et une heure au format RFC 3339, par exemple 2026-01-31T17:00:00Z
msg-moderation-mode = doit valoir pre ou post
msg-draft-empty = est vide : le projet ne comporte aucun paragraphe
msg-import-empty = le projet ne comporte aucun paragraphe : le texte fourni est vide
msg-import-nul = le projet contient un octet NUL (ligne { $line }) ; enregistrez-le en texte brut UTF-8
msg-import-html = le HTML brut n’est pas autorisé (ligne { $line }) ; rédigez plutôt le texte en Markdown
msg-import-nesting = { $max ->
    [one] des listes ou des citations sont imbriquées sur plus de { $max } niveau (ligne { $line })
   *[other] des listes ou des citations sont imbriquées sur plus de { $max } niveaux (ligne { $line })
}
msg-import-too-many = { $max ->
    [one] le projet compte plus de { $max } paragraphe (le paragraphe { $number } commence à la ligne { $line }) ; scindez-le en plusieurs projets
   *[other] le projet compte plus de { $max } paragraphes (le paragraphe { $number } commence à la ligne { $line }) ; scindez-le en plusieurs projets
}
msg-import-unknown-tag = le paragraphe { $number } (ligne { $line }) porte une étiquette inconnue, « { $tag } » ; les étiquettes doivent être choisies parmi C1–C11 et SDG1–SDG17
msg-import-tags-alone = le paragraphe { $number } (ligne { $line }) comporte des étiquettes mais aucun texte ; placez le bloc d’étiquettes à la fin du paragraphe auquel il se rapporte
msg-import-paragraph-long = { $chars ->
    [one] le paragraphe { $number } (ligne { $line }) est trop long : { $chars } caractère, pour une limite de { $max }
   *[other] le paragraphe { $number } (ligne { $line }) est trop long : { $chars } caractères, pour une limite de { $max }
}
msg-tags-required = est obligatoire : indiquez une liste, par exemple ["C5", "SDG9"]
msg-tags-unknown = contient des étiquettes inconnues ({ $tags }) ; les étiquettes doivent être choisies parmi C1–C11 et SDG1–SDG17
msg-tags-at-most = { $n ->
    [one] doit comporter au plus { $n } étiquette
   *[other] doit comporter au plus { $n } étiquettes
}
msg-tag = doit être une étiquette : C1–C11 ou SDG1–SDG17
msg-kind = doit valoir comment ou amendment
msg-attribution = doit valoir name, organization ou group
msg-amendment-paragraph = est obligatoire pour un amendement
msg-amendment-text = est obligatoire pour un amendement : il s’agit du texte intégral que vous proposez pour le paragraphe
msg-amendment-reply = doit être vide : un amendement ne peut pas être une réponse
msg-only-amendments = ne s’applique qu’aux amendements
msg-not-paragraph = n’est pas un paragraphe de ce projet
msg-not-comment = n’est pas un commentaire de ce projet
msg-reply-unpublished = ne peut pas faire l’objet d’une réponse : ce commentaire n’est pas publié
msg-reply-paragraph = doit être le paragraphe du commentaire auquel vous répondez
msg-consultation-closed = La consultation n’est pas ouverte : il n’est possible de rédiger, de modifier et de retirer des commentaires que pendant la période d’ouverture.
msg-superseded = Cette version du projet a été remplacée par une version révisée ; veuillez commenter la dernière version.
msg-author-only = Seul l’auteur peut modifier un commentaire.
msg-no-longer-editable = Ce commentaire ne peut plus être modifié.
msg-moderators-list = Seuls les modérateurs peuvent afficher la liste des commentaires quel que soit leur statut.
msg-flag-reason = doit valoir spam, abusive, off_topic ou other
msg-moderation-action = doit valoir approve, hide, reject ou restore
msg-moderation-reason = est obligatoire pour masquer ou rejeter un commentaire : l’auteur en prendra connaissance
msg-flag-unpublished = Seuls les commentaires publiés peuvent être signalés.
msg-flag-own = Vous ne pouvez pas signaler votre propre commentaire.
msg-flag-twice = Vous avez déjà signalé ce commentaire.
msg-moderation-transition = Un commentaire { $status ->
        [pending] en attente de modération
        [published] publié
        [hidden] masqué
        [rejected] rejeté
       *[withdrawn] retiré
    } ne peut pas être { $action ->
        [approved] approuvé
        [hidden] masqué
        [rejected] rejeté
       *[restored] rétabli
    }.
msg-revise-latest = Ce projet a déjà fait l’objet d’une version révisée : révisez la dernière version.
msg-revision-empty = est vide : la version révisée ne comporte aucun paragraphe
msg-revision-no-paragraph = la version révisée ne comporte pas de paragraphe { $number }
msg-revision-not-earlier = le paragraphe { $number } n’est pas un paragraphe du projet en cours de révision
msg-revision-not-number = le ¶ { $token } ne correspond à aucun numéro de paragraphe de la version antérieure
msg-disposition = doit valoir incorporated, partly_incorporated, not_incorporated ou noted
msg-disposition-reply = est une réponse à un autre commentaire : les réponses du secrétariat ne portent que sur les commentaires et les amendements de premier niveau
msg-moderators-dispositions = Seuls les modérateurs peuvent enregistrer les réponses du secrétariat.
msg-format-required = est obligatoire : csv, json, xlsx, html, docx ou pdf
msg-format = doit valoir csv, json, xlsx, html, docx ou pdf
msg-export-status = doit valoir published ou all
msg-moderators-export = Seuls les modérateurs peuvent exporter les commentaires quel que soit leur statut.
msg-form-type = Ce formulaire doit être envoyé au format application/x-www-form-urlencoded.
msg-form-unreadable = impossible de lire le formulaire : { $error }
msg-form-invalid = Le formulaire n’a pas pu être lu : { $error }.
msg-docx-with-text = ne doit pas être envoyé avec le texte : envoyez le projet en Markdown ou sous forme de fichier Word
msg-utf8 = doit être du texte UTF-8
msg-multipart-invalid = Le corps multipart/form-data n’a pas pu être lu : { $error }.
msg-multipart-parts = Le formulaire comporte plus de { $n } parties.
msg-form-type-multipart = Ce formulaire doit être envoyé en multipart/form-data.
msg-docx-invalid = n’est pas un fichier Word valide ({ $detail })
msg-docx-bomb = dépasse { $n } Mio une fois décompressé : ce n’est pas un projet que l’outil d’importation peut lire
msg-docx-too-large = dépasse { $n } Mio
msg-docx-not-zip = n’est pas un fichier Word (.docx) : ce n’est pas une archive zip
msg-docx-no-document = n’est pas un fichier Word (.docx) : il ne contient pas word/document.xml
msg-docx-comments = le fichier contient des commentaires Word : ils ne sont pas importés
msg-docx-table = un tableau placé après le paragraphe { $number } n’est pas importé : rédigez-le sous forme de paragraphes
msg-docx-image = une image ou un objet du paragraphe { $number } n’est pas importé
msg-docx-changes = le fichier contient des modifications suivies ({ $n }) : elles sont importées comme si elles avaient été acceptées (insertions conservées, suppressions omises) ; acceptez-les ou refusez-les dans Word pour en être sûr
msg-exists = Cet élément existe déjà.
msg-unauthorized = Connectez-vous ou envoyez un jeton d’authentification (bearer token) valide.
msg-mfa-required = Saisissez le code à usage unique fourni par votre application d’authentification (champ totp) ou un code de récupération.
msg-cross-site = Ce formulaire a été envoyé depuis un autre site. Revenez sur Plenary et réessayez.
msg-not-found = Il n’y a rien à cette adresse, ou vous n’êtes pas autorisé à y accéder.
msg-too-large = Le corps de la requête dépasse la taille acceptée par ce point de terminaison.
msg-invalid-fields = Certains champs ne sont pas valides ; voir errors.
msg-rate-limited = { $n ->
    [one] Trop de tentatives ; veuillez réessayer dans { $n } seconde.
   *[other] Trop de tentatives ; veuillez réessayer dans { $n } secondes.
}
msg-unavailable = Le service est temporairement indisponible.
msg-internal = Une erreur inattendue s’est produite.

## Versions linguistiques d'un projet (issue 17)
draft-versions = Versions linguistiques de ce projet
draft-read_in = Lire en :
draft-original = original
draft-side_by_side = Côte à côte avec
draft-fallback = Ce projet n'est pas disponible dans cette langue ({ $asked }) : vous lisez l'original ({ $original }).
comment-language = Langue du commentaire
export-text_language = Langue du texte
trans-title = Versions linguistiques
trans-original = Langue de l'original :
trans-none = Aucune version linguistique pour l'instant.
trans-all_done = Le projet existe dans chacune des six langues.
trans-add = Ajouter une version linguistique
trans-hint = Collez le texte Markdown du projet dans une autre langue. Il doit comporter les mêmes paragraphes que l'original, avec les mêmes numéros et cotes (PP3, 12, (a)) : les commentaires se rattachent au paragraphe et figurent donc sous le même paragraphe dans chaque version. Si un paragraphe ne correspond pas, rien n'est enregistré et les paragraphes en cause sont indiqués.
trans-language = Langue
trans-field-title = Titre dans cette langue (celui de l'original s'il est laissé vide)
trans-written_in = Langue du projet
dash-by_language = Contributions par langue
dash-by_language-desc = Contributions publiées, par langue de rédaction :
dash-by_language-caption = Chaque commentaire est compté une seule fois, dans la langue dans laquelle son auteur l'a rédigé, quelle que soit la version linguistique du projet qu'il lisait.
dash-by_language-none = Aucune contribution publiée pour l'instant.
dash-language = Langue
msg-trans-label = le paragraphe { $number } porte la cote { $original } dans l'original et { $translation } dans la traduction
msg-trans-missing = le paragraphe { $number } ({ $label }) de l'original manque dans la traduction
msg-trans-extra = le paragraphe { $number } ({ $label }) de la traduction ne figure pas dans l'original
msg-trans-more = { $n ->
    [one] et { $n } autre paragraphe ne correspond pas
   *[other] et { $n } autres paragraphes ne correspondent pas
}
msg-trans-of-translation = est une version linguistique du projet { $of } : ajoutez les versions linguistiques au projet original
msg-trans-original = Le projet original est rédigé dans cette langue ({ $code }) : c'est l'original, et non une version linguistique.
msg-trans-exists = Le projet a déjà une version dans cette langue ({ $code }).
