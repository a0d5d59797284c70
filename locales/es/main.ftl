# Plenary — español (traducido del inglés, el idioma de origen). Un mensaje por cada texto que lee una persona.
# Los identificadores están en kebab-case; las variables se escriben { $name }. Véase docs/translating.md.


## Sitio
site-name = Plenary
site-tagline = Consultas con múltiples partes interesadas, párrafo por párrafo
site-skip = Ir al contenido principal
nav-consultations = Consultas
nav-me = Mi cuenta
nav-moderation = Moderación
nav-admin = Administración
nav-login = Iniciar sesión
nav-register = Crear una cuenta
nav-logout = Cerrar sesión
nav-main = Navegación principal
footer-text = Plenary — consultas abiertas para el examen de la CMSI+20 y más allá.

## Grupos de partes interesadas
group-government = Gobierno
group-private_sector = Sector privado
group-civil_society = Sociedad civil
group-academia = Círculos académicos
group-technical_community = Comunidad técnica
group-international_organization = Organización internacional

## Funciones
role-participant = Participante
role-moderator = Moderador
role-admin = Administrador

## Modos de notificación
mode-immediate = Inmediatamente, un correo electrónico por evento
mode-daily_digest = Un resumen diario
mode-off = Sin notificaciones

## Formularios relativos a la cuenta
field-email = Dirección de correo electrónico
field-password = Contraseña
field-password-hint = Al menos 10 caracteres. Una frase larga es más fácil de recordar y más difícil de adivinar.
field-new_password = Nueva contraseña
field-current_password = Contraseña actual
field-display_name = Su nombre, tal como lo verán los demás
field-stakeholder_group = Grupo de partes interesadas
field-organization = Organización (opcional)
field-country = País (opcional, código ISO de dos letras, por ejemplo KE)
field-notification_mode = Notificaciones por correo electrónico
register-title = Crear una cuenta
register-lead = Formule comentarios sobre los proyectos, proponga enmiendas y siga el debate. Le enviaremos un correo electrónico para confirmar su dirección.
register-submit = Crear la cuenta
register-have_account = ¿Ya tiene una cuenta?
register-done = Se ha creado su cuenta. Le hemos enviado un correo electrónico: siga el enlace que contiene para confirmar su dirección y, a continuación, inicie sesión.
login-title = Iniciar sesión
login-submit = Iniciar sesión
login-failed = La dirección de correo electrónico o la contraseña no son correctas.
login-suspended = Esta cuenta está suspendida. Si considera que se trata de un error, póngase en contacto con la secretaría.
login-forgot = ¿Ha olvidado su contraseña?
login-no_account = ¿Aún no tiene una cuenta?
logout-title = Cerrar sesión
logout-lead = Cerrar la sesión de Plenary en este navegador.
logout-done = Ha cerrado la sesión.
verify-title = Confirme su dirección de correo electrónico
verify-lead = Para formular comentarios sobre los proyectos, confirme su dirección: abra el enlace que figura en el correo electrónico que le enviamos cuando creó su cuenta.
verify-press = Pulse el botón para confirmar que esta dirección de correo electrónico es suya.
verify-submit = Confirmar mi dirección de correo electrónico
verify-done = Su dirección de correo electrónico ha quedado confirmada. Ya puede participar.
verify-bad = Este enlace de confirmación no es válido o ha caducado.
verify-bad-next = Si ya ha confirmado su dirección, basta con que inicie sesión.
reset-title = Restablecer la contraseña
reset-lead = Introduzca la dirección de su cuenta. Si existe una cuenta con esa dirección, le enviaremos un enlace válido durante una hora.
reset-submit = Enviar el enlace
reset-sent = Si existe una cuenta con esta dirección, se le está enviando un correo electrónico con un enlace para restablecer la contraseña.
reset-choose = Elija una nueva contraseña
reset-confirm = Establecer la nueva contraseña
reset-done = Se ha cambiado su contraseña. Inicie sesión con la nueva contraseña.
reset-bad = Este enlace de restablecimiento no es válido, ya se ha utilizado o ha caducado.
me-title = Mi cuenta
me-profile = Perfil
me-save = Guardar
me-saved = Se han guardado sus cambios.
me-password = Cambiar la contraseña
me-password-done = Se ha cambiado su contraseña. Se han cerrado las sesiones abiertas en otros navegadores y dispositivos.
me-unverified = Su dirección de correo electrónico aún no se ha confirmado. Siga el enlace que figura en el correo electrónico que le enviamos.
me-verified_affiliation = Afiliación verificada por la secretaría
me-unverified_affiliation = Afiliación no verificada
me-signout_everywhere = Cerrar sesión en todos los dispositivos
me-my_data = Sus datos
me-my_data_explained = Descargue, en un único archivo JSON, todos los datos que Plenary conserva sobre su cuenta: su perfil, sus comentarios con sus versiones anteriores, las denuncias que haya presentado, los proyectos que sigue, los correos electrónicos que se le han enviado y su historial de seguridad.
me-my_data_download = Descargar mis datos
me-delete_explained = Elimine su cuenta y los datos personales que contiene. Sus comentarios publicados se mantienen en el registro de la consulta, firmados como “Antiguo participante”.

## Eliminación de una cuenta
delete-title = Eliminar mi cuenta
delete-erased = Su dirección de correo electrónico, su nombre, su organización, su país, su contraseña, su configuración de autenticación de dos factores, los proyectos que sigue, los correos electrónicos pendientes de envío y su historial de seguridad se borran de inmediato, y se cierran todas sus sesiones.
delete-kept = Sus comentarios publicados y las enmiendas que haya propuesto se mantienen en el registro de la consulta, porque la recopilación de aportaciones que elabora la secretaría debe conservar su estructura: figurarán como “Antiguo participante”, acompañados únicamente del grupo de partes interesadas al que pertenecía usted cuando los redactó. Si no desea que se conserve un comentario, retírelo antes de eliminar su cuenta.
delete-first_download = Quizá desee guardar antes una copia de sus datos.
delete-code_hint = La autenticación de dos factores está activada: introduzca un código de su aplicación o un código de recuperación.
delete-submit = Eliminar mi cuenta definitivamente
delete-cancel = Conservar mi cuenta
delete-done_title = Se ha eliminado su cuenta
delete-done = Se han borrado su cuenta y los datos personales que contenía. Puede volver a registrarse con la misma dirección en cualquier momento.
delete-admin_title = Eliminar la cuenta
delete-admin_lead = Eliminar esta cuenta a petición de su titular. El registro de auditoría hace constar que usted lo hizo, y cuándo, pero no guarda nada de lo que se borra.
delete-admin_submit = Eliminar esta cuenta

## Aviso de privacidad
footer-privacy = Aviso de privacidad
register-privacy = Qué conservamos sobre usted y durante cuánto tiempo:
privacy-title = Aviso de privacidad
privacy-lead = Plenary conserva lo que necesita una consulta pública y nada más. En esta página se indica qué se conserva, por qué, durante cuánto tiempo y quién puede verlo.
privacy-what = Qué conservamos
privacy-what-account = Su cuenta: dirección de correo electrónico, nombre, grupo de partes interesadas, organización y país (tal como los indique), su contraseña en forma de resumen criptográfico (hash) Argon2id, el secreto de su segundo factor si lo activa y su configuración de notificaciones.
privacy-what-comments = Lo que usted escribe: comentarios, respuestas y propuestas de enmienda con sus versiones anteriores, las denuncias que presente y los proyectos que siga. Cada comentario conserva además el grupo de partes interesadas, la organización y el país que tenía usted cuando lo escribió.
privacy-what-emails = Los correos electrónicos que se le envían (confirmaciones, restablecimientos de contraseña, notificaciones, resúmenes), en forma de copias en la cola de correo saliente.
privacy-what-security = Su historial de seguridad: inicios de sesión, intentos fallidos de inicio de sesión y cambios de su contraseña o de su segundo factor. La base de datos no conserva ninguna dirección de red (IP); el registro del servidor anota la dirección de las solicitudes rechazadas, para impedir abusos.
privacy-why = Por qué
privacy-why-text = Para llevar a cabo la consulta: para que la secretaría pueda ponderar las aportaciones por grupo de partes interesadas, para que usted pueda recibir avisos de las respuestas y de las nuevas versiones, y para que las cuentas y el registro de aportaciones estén protegidos contra el uso indebido. No se vende nada, no se elaboran perfiles y nada se utiliza con fines publicitarios.
privacy-how_long = Durante cuánto tiempo
privacy-how_long-account = Su cuenta y lo que usted escribe: hasta que elimine su cuenta. A partir de ese momento, los comentarios publicados se mantienen en el registro de la consulta como “Antiguo participante”.
privacy-how_long-retention = Correos electrónicos entregados, historial de seguridad, intentos fallidos de inicio de sesión y enlaces de inicio de sesión utilizados: { $days } días, transcurridos los cuales se eliminan automáticamente.
privacy-how_long-log = El registro del servidor: durante el tiempo que lo conserve el operador de este sitio.
privacy-who = Quién puede verlo
privacy-who-public = Todo el mundo: sus comentarios publicados, con o sin su nombre y su organización, según lo que haya elegido para cada comentario, así como su grupo de partes interesadas.
privacy-who-staff = Los moderadores y administradores de esta consulta: los datos de su cuenta, para verificar las afiliaciones y velar por que el debate se mantenga respetuoso. Todas las decisiones que adoptan sobre una cuenta quedan consignadas en un registro de auditoría.
privacy-who-never = Nadie más: su dirección de correo electrónico nunca se muestra a otros participantes ni se incluye en las exportaciones.
privacy-rights = Sus derechos
privacy-rights-download = Descargue desde Mi cuenta, en un único archivo, todo lo que conservamos sobre su cuenta.
privacy-rights-delete = Elimine su cuenta desde Mi cuenta, o pida a un administrador que lo haga por usted.
privacy-rights-correct = Corrija en cualquier momento su nombre, su organización, su país y su configuración de notificaciones en Mi cuenta.
privacy-cookies = Cookies
privacy-cookies-text = Dos cookies, ambas necesarias para el funcionamiento del sitio: una mantiene abierta su sesión y la otra protege los formularios contra la falsificación. No se utilizan cookies de seguimiento ni de análisis.
me-role = Función
me-affiliation = Afiliación
mfa-title = Autenticación de dos factores
mfa-lead = Introduzca el código de seis dígitos que muestra su aplicación de autenticación o uno de sus códigos de recuperación.
mfa-code = Código de un solo uso
mfa-wrong = Ese código no es correcto. Los códigos cambian cada 30 segundos.
mfa-expired = El inicio de sesión ha tardado demasiado. Vuelva a empezar.
mfa-section = Autenticación de dos factores
mfa-off = La autenticación de dos factores está desactivada. Actívela para proteger su cuenta con un código generado por una aplicación de autenticación.
mfa-on = La autenticación de dos factores está activada.
mfa-setup = Configurar la autenticación de dos factores
mfa-scan = Escanee este código con una aplicación de autenticación (o introduzca la clave que figura a continuación) y luego escriba el código de seis dígitos que aparezca en ella.
mfa-key = Clave
mfa-enable = Activar
mfa-disable = Desactivar la autenticación de dos factores
mfa-codes = Sus códigos de recuperación
mfa-codes-lead = Si pierde su teléfono, cada código puede utilizarse una sola vez. Guárdelos en un lugar seguro: solo se muestran ahora.
mfa-required = Los moderadores y administradores deben activar la autenticación de dos factores antes de ejercer sus atribuciones.
mod-suspended = Participantes suspendidos
mod-unsuspend = Levantar la suspensión de
filter-group = Mostrar aportaciones de
filter-all_groups = Todos los grupos de partes interesadas
filter-apply = Mostrar
form-errors = Corrija los campos señalados a continuación.
form-csrf = Este formulario ha caducado. Vuelva a intentarlo.
error-title = Se ha producido un error
error-not_found = Página no encontrada
error-forbidden = No está autorizado a realizar esta acción
error-unauthorized = Inicie sesión
error-rate_limited = Demasiados intentos. Espere unos minutos y vuelva a intentarlo.
error-internal = Se ha producido un error inesperado. Vuelva a intentarlo más tarde.
error-moderators_only = Solo los moderadores pueden acceder a esta página.
error-admins_only = Solo los administradores pueden acceder a esta página.

## Consultas y proyectos
status-upcoming = Próxima
status-open = Abierta a comentarios
status-closed = Cerrada
consultations-none = Todavía no hay consultas.
consultation-drafts = Proyectos
consultation-no_drafts = Todavía no se ha publicado ningún proyecto en esta consulta.
consultation-window = Abierta a comentarios
consultation-premoderated = Un moderador examina los comentarios antes de que se publiquen.
draft-closed = Esta consulta está cerrada: ya no se pueden redactar, modificar ni retirar comentarios.
draft-upcoming = Esta consulta aún no está abierta: podrá redactar comentarios en cuanto se abra.
draft-read_only = Esta versión ha sido sustituida por una versión revisada. Sus comentarios siguen pudiendo consultarse; formule sus comentarios sobre la versión más reciente.
draft-contents = Índice
draft-general = Comentarios generales sobre el conjunto del proyecto
draft-general-link = Leer y redactar comentarios generales
draft-comments-count = { $n ->
    [one] { $n } comentario
   *[other] { $n } comentarios
}
draft-no_comments = Todavía no hay comentarios
draft-read_thread = Leer todos los comentarios sobre este párrafo y responder
draft-comment_here = Comentar este párrafo
draft-by_group = Comentarios por grupo de partes interesadas
draft-sign_in_to_comment = Inicie sesión para formular comentarios
draft-download = Descargar las aportaciones

## Exportación (sección de descarga y recopilación imprimible)
export-download-lead = Todo lo que se ha dicho sobre este proyecto, para la secretaría y para todos: comentarios y enmiendas publicados, por párrafo y por grupo de partes interesadas.
export-download-csv = CSV — datos para hojas de cálculo
export-download-json = JSON — para programas informáticos
export-download-xlsx = Libro de Excel (XLSX)
export-download-html = Recopilación imprimible (HTML; puede imprimirse en PDF)
export-download-docx = Recopilación en formato Word (DOCX, editable)
export-download-pdf = Recopilación en formato PDF
export-download-group = Grupo de partes interesadas
export-download-format = Formato
export-download-submit = Descargar
export-download-moderators = Incluidos los comentarios ocultos, pendientes, rechazados y retirados (moderadores)
export-compilation = Recopilación consolidada de las aportaciones de las partes interesadas
export-generated = Generado el
export-window = Período de consulta
export-scope = Comentarios incluidos
export-scope-published = Comentarios publicados
export-scope-all = Todos los comentarios, incluidos los ocultos, pendientes, rechazados y retirados
export-all_groups = Todos los grupos de partes interesadas
export-summary = Resumen por grupo de partes interesadas
export-comments = Comentarios
export-amendments = Propuestas de enmienda
export-total = Total
export-paragraph = Párrafo
export-general = Comentarios generales
export-text = Texto del proyecto
export-no_input = No hay aportaciones sobre este párrafo.
export-legend = Las propuestas de enmienda se presentan con respecto al texto del párrafo:
export-legend-added = palabras añadidas
export-legend-removed = palabras suprimidas
para-back = Volver al proyecto completo
para-title = Párrafo
para-thread = Comentarios y enmiendas
para-more = Mostrar comentarios posteriores
form-comment-title = Añadir un comentario
form-amend-title = Proponer una enmienda
form-amend-hint = Modifique a continuación el texto del párrafo para darle la redacción que propone; los lectores verán la diferencia.
form-body = Su comentario
form-body-hint = Texto sin formato; deje una línea en blanco entre párrafos. Hasta 10 000 caracteres.
form-reason = Motivo del cambio que propone
form-proposed_text = Texto propuesto para el párrafo
form-attribution = Mostrar mi comentario con
form-attribution-name = Mi nombre, mi organización y mi grupo de partes interesadas
form-attribution-organization = Solo mi organización y mi grupo de partes interesadas
form-attribution-group = Solo mi grupo de partes interesadas
form-submit-comment = Publicar el comentario
form-submit-amend = Proponer la enmienda
form-submit-reply = Publicar la respuesta
form-reply = Responder
form-edit = Modificar
form-save = Guardar los cambios
form-withdraw = Retirar
comment-placeholder-withdrawn = Su autor ha retirado este comentario.
comment-placeholder-hidden = Un moderador ha ocultado este comentario.
comment-placeholder-rejected = Un moderador ha eliminado este comentario.
comment-edited = modificado
comment-amendment = Propuesta de enmienda
comment-proposed = Texto propuesto
comment-unverified = afiliación no verificada
comment-verified = afiliación verificada
comment-pending = Pendiente de moderación: solo usted y los moderadores pueden ver este comentario.
comment-posted = Se ha publicado su comentario.
comment-posted_pending = Gracias. Su comentario se publicará en cuanto un moderador lo haya aprobado.
comment-anonymous_group = Un participante
comment-replies = Respuestas
comment-status-pending = Pendiente de moderación
comment-status-published = Publicado
comment-status-hidden = Oculto
comment-status-rejected = Rechazado
comment-status-withdrawn = Retirado

## Administración
admin-title = Administración
admin-consultations = Consultas
admin-new_consultation = Crear una consulta
admin-create = Crear
admin-edit_consultation = Modificar la consulta
admin-import = Importar un proyecto
admin-import-hint = Markdown: los encabezados inician secciones; cada uno de los demás bloques constituye un párrafo numerado. Un párrafo que comienza con su propio número (12., PP3, OP 4, (a)) lo conserva. Las etiquetas como {"{"}C2 SDG9{"}"} situadas al final de un párrafo se guardan como etiquetas.
admin-users = Cuentas
admin-search = Buscar
admin-failed_emails = Correos electrónicos no entregados
admin-no_failed = No ha fallado el envío de ningún correo electrónico.
admin-retry = Reintentar
admin-saved = Guardado.
admin-apply = Aplicar
admin-status = Estado
admin-public_page = Página pública
admin-email-subject = Asunto
admin-email-attempts = Intentos
admin-email-error = Error
admin-email-created = Fecha de creación
field-title = Título
field-summary = Resumen
field-opens_at = Apertura (UTC)
field-closes_at = Cierre (UTC)
field-moderation = Moderación
field-moderation-post = Publicar de inmediato y moderar después
field-moderation-pre = Retener cada comentario hasta que un moderador lo apruebe
field-version_label = Denominación de la versión (por ejemplo, Borrador cero, Rev.1)
field-text = Texto del proyecto (Markdown)
field-docx = Archivo de Word (.docx)
field-docx-hint = En lugar del texto que figura a continuación. Los títulos inician secciones; la numeración automática de Word y los números escritos (12., PP3, (a)) pasan a ser los números de los párrafos; se conservan la negrita y la cursiva. 10 MiB como máximo.
import-warnings = El archivo de Word se ha convertido, pero parte de su contenido no se ha podido trasladar (véase a continuación). Todavía no se ha guardado nada: revise el texto y continúe, o corrija el archivo y vuelva a cargarlo.
field-role = Función
field-q = Nombre, correo electrónico u organización
field-verified = Afiliación verificada
field-suspended = Suspendido

## Moderación
mod-title = Moderación
mod-queue = Cola de examen
mod-queue-empty = No hay nada pendiente de examen.
mod-log = Registro de auditoría
mod-log-lead = Todas las decisiones de moderación, cambios de función, suspensiones y verificaciones de afiliación, de la más reciente a la más antigua. Las entradas no pueden modificarse ni eliminarse.
mod-why-pending = Pendiente de aprobación (consulta con moderación previa)
mod-why-flagged = Denunciado por participantes
mod-flags = Denuncias
mod-on_paragraph = Sobre el párrafo
mod-general = Comentario general sobre el proyecto
mod-recent = Otros comentarios recientes del autor
mod-history = Versiones anteriores
mod-reason = Motivo (obligatorio para ocultar o rechazar; el autor lo leerá)
mod-approve = Aprobar
mod-hide = Ocultar
mod-reject = Rechazar
mod-restore = Restablecer
mod-suspend = Suspender al autor
mod-done = Se ha registrado la decisión.
mod-actor = Quién
mod-action = Qué
mod-target = Objeto
mod-when = Cuándo
flag-title = Denunciar
flag-reason = ¿Por qué denuncia este comentario?
flag-spam = Correo basura (spam) o publicidad
flag-abusive = Contenido abusivo u ofensivo
flag-off_topic = Ajeno al tema
flag-other = Otro motivo
flag-note = Nota para los moderadores (opcional)
flag-submit = Enviar la denuncia
flag-done = Gracias. Los moderadores examinarán este comentario.

## Notificaciones
follow-title = Notificaciones por correo electrónico
follow-on = Avisarme por correo electrónico de los nuevos comentarios sobre este proyecto
follow-off = Dejar de enviarme correos electrónicos sobre este proyecto
follow-following = Usted sigue este proyecto: los nuevos comentarios se le envían por correo electrónico conforme a su configuración de notificaciones.
follow-not_following = Siga este proyecto para recibir avisos de los nuevos comentarios. Siempre recibirá avisos de las respuestas a sus propios comentarios.
unsub-title = Cancelar la suscripción a las notificaciones
unsub-lead = Dejar de recibir todos los correos electrónicos de notificación de Plenary. Los correos electrónicos relativos a su cuenta (confirmación de su dirección, restablecimiento de su contraseña) se le seguirán enviando.
unsub-submit = Cancelar la suscripción
unsub-done = Ya no recibirá más correos electrónicos de notificación. Puede volver a activarlos en la configuración de su cuenta.
unsub-settings = Configuración de notificaciones

## Versiones revisadas
rev-earlier = Aportaciones sobre versiones anteriores
rev-comments-on = { $n ->
    [one] { $n } comentario sobre el ¶{ $label } de la versión { $version }
   *[other] { $n } comentarios sobre el ¶{ $label } de la versión { $version }
}
rev-changes = Cambios con respecto a la versión anterior
rev-concordance = Concordancia con la versión anterior
rev-concordance-lead = Relación de cada párrafo de esta versión con la versión anterior.
rev-compare = Comparar versiones
rev-compare-with = Comparar con
rev-versions = Versiones
rev-from = Párrafo anterior
rev-to = Esta versión
rev-change = Cambio
rev-none = Esta es la primera versión del documento.
rev-revise = Publicar una versión revisada
rev-revise-lead = Pegue el texto completo de la nueva versión. Plenary propone, para cada párrafo nuevo, el párrafo anterior del que procede; usted puede corregir cada vínculo antes de publicarla.
rev-review = Revisar la procedencia propuesta
rev-review-lead = Para cada párrafo de la nueva versión se indican los números de los párrafos anteriores de los que procede (separados por espacios; en blanco si se trata de un párrafo nuevo). Corrija los vínculos que sea necesario y, a continuación, publique la versión.
rev-publish = Publicar la versión revisada
rev-propose = Proponer la procedencia
rev-deleted = Párrafos suprimidos
change-unchanged = sin cambios
change-edited = modificado
change-split = dividido
change-merged = fusionado
change-moved = desplazado
change-new = nuevo
change-deleted = suprimido
disp-title = Respuesta de la secretaría
disp-incorporated = Se ha incorporado
disp-partly_incorporated = Se ha incorporado en parte
disp-not_incorporated = No se ha incorporado
disp-noted = Se ha tomado nota
disp-record = Registrar la respuesta
disp-explanation = Explicación (pública, opcional)

## Correos electrónicos
email-verify-subject = Confirme su dirección de correo electrónico para Plenary
email-verify-body = Le damos la bienvenida a Plenary. Confirme su dirección de correo electrónico abriendo este enlace:
email-reset-subject = Restablecimiento de su contraseña de Plenary
email-reset-body = Se ha solicitado restablecer la contraseña de su cuenta de Plenary. Si ha sido usted, abra este enlace en el plazo de una hora:
email-reset-ignore = Si no ha hecho esta solicitud, haga caso omiso de este correo electrónico: su contraseña seguirá siendo la misma.

## Etiquetas de los párrafos: Líneas de Acción de la CMSI y Objetivos de Desarrollo Sostenible
wsis-C1 = Papel de los gobiernos y de todas las partes interesadas en la promoción de las TIC para el desarrollo
wsis-C2 = Infraestructura de la información y la comunicación
wsis-C3 = Acceso a la información y al conocimiento
wsis-C4 = Creación de capacidades
wsis-C5 = Creación de confianza y seguridad en la utilización de las TIC
wsis-C6 = Entorno propicio
wsis-C7 = Aplicaciones de las TIC
wsis-C8 = Diversidad e identidad culturales, diversidad lingüística y contenido local
wsis-C9 = Medios de comunicación
wsis-C10 = Dimensiones éticas de la sociedad de la información
wsis-C11 = Cooperación internacional y regional
sdg-1 = Fin de la pobreza
sdg-2 = Hambre cero
sdg-3 = Salud y bienestar
sdg-4 = Educación de calidad
sdg-5 = Igualdad de género
sdg-6 = Agua limpia y saneamiento
sdg-7 = Energía asequible y no contaminante
sdg-8 = Trabajo decente y crecimiento económico
sdg-9 = Industria, innovación e infraestructura
sdg-10 = Reducción de las desigualdades
sdg-11 = Ciudades y comunidades sostenibles
sdg-12 = Producción y consumo responsables
sdg-13 = Acción por el clima
sdg-14 = Vida submarina
sdg-15 = Vida de ecosistemas terrestres
sdg-16 = Paz, justicia e instituciones sólidas
sdg-17 = Alianzas para lograr los objetivos
tags-tools = Acerca de este proyecto
tags-edit_link = Modificar las etiquetas de los párrafos
tags-filter-label = Mostrar los párrafos con la etiqueta
tags-filter-all = Todos los párrafos
tags-filter-submit = Mostrar
tags-filter-showing = Se muestran { $n } de { $total } párrafos: los que tienen la etiqueta
tags-filter-clear = Mostrar todos los párrafos
tags-filter-unknown = Esa no es una etiqueta válida: las etiquetas son las Líneas de Acción de la CMSI (C1–C11) y los Objetivos de Desarrollo Sostenible (SDG1–SDG17). Se muestran todos los párrafos.
tags-title = Etiquetas de los párrafos
tags-hint = Asigne a cada párrafo las Líneas de Acción de la CMSI (C1–C11) y los Objetivos de Desarrollo Sostenible (SDG1–SDG17) a los que se refiere, separados por espacios, por ejemplo, “C2 C5 SDG9”. Deje el campo en blanco para suprimir todas las etiquetas. Cada párrafo se guarda por separado.
tags-reference = Las Líneas de Acción y los ODS
tags-field = Etiquetas del párrafo { $label }
tags-save = Guardar las etiquetas
tags-saved = Se han guardado las etiquetas del párrafo { $label }.

## Panel de participación
dash-link = Panel de participación
dash-title = Panel de participación
dash-lead = Quiénes se han pronunciado y sobre qué parte del texto: comentarios, enmiendas y respuestas publicados, por grupo de partes interesadas, párrafo, Línea de Acción de la CMSI, país, región y día. Cada gráfico va seguido de sus datos en forma de cuadro.
dash-empty = Todavía no se ha publicado ningún comentario sobre este proyecto.
dash-json = Estos datos en formato JSON
dash-data_table = Los datos en forma de cuadro
dash-total = Total
dash-none = Ninguno
dash-share = Porcentaje
dash-participants = Participantes
dash-tags = Etiquetas
dash-totals = Totales
dash-totals-comments = Comentarios publicados (incluidas enmiendas y respuestas)
dash-totals-amendments = Propuestas de enmienda
dash-totals-participants = Participantes
dash-totals-countries = Países
dash-totals-paragraphs = Párrafos del proyecto
dash-totals-with_input = Párrafos con aportaciones
dash-totals-without_input = Párrafos que ningún grupo ha comentado
dash-totals-general = Comentarios generales sobre el conjunto del proyecto
dash-totals-flagged = Párrafos señalados por falta de equilibrio
dash-totals-silent = Grupos de partes interesadas que aún no se han pronunciado
dash-balance = Equilibrio
dash-balance-short = Equilibrio
dash-balance-rule = Un párrafo se señala cuando un grupo de partes interesadas ha redactado más del { $share } % de las aportaciones sobre él (a partir de { $n } comentarios), o cuando un grupo que ha formulado comentarios sobre otras partes del proyecto no se ha pronunciado sobre un párrafo que otros han comentado.
dash-balance-none = No se ha señalado ningún párrafo.
dash-balance-caption = Párrafos señalados por falta de equilibrio
dash-balance-finding = Constatación
dash-balance-dominant = { $group } redactó el { $share } % de los { $n } comentarios
dash-balance-silent = Sin aportaciones de: { $groups }
dash-note-untouched = sin aportaciones
dash-note-silent = { $n ->
    [one] { $n } grupo sin pronunciarse
   *[other] { $n } grupos sin pronunciarse
}
dash-by_group = Comentarios por grupo de partes interesadas
dash-by_group-desc = Gráfico de barras de los comentarios publicados por grupo de partes interesadas:
dash-by_group-caption = Cada barra corresponde a un grupo de partes interesadas; la cifra que figura en su extremo es el número de comentarios publicados por ese grupo. El porcentaje se calcula sobre el total de comentarios publicados.
dash-heat = Párrafos y grupos de partes interesadas
dash-heat-lead = Párrafos sobre los que ha formulado comentarios cada grupo de partes interesadas. Las celdas más oscuras contienen más comentarios; las rayadas, ninguno. Las filas en negrita están señaladas por falta de equilibrio.
dash-heat-desc = Mapa de calor de { $paragraphs } párrafos por seis grupos de partes interesadas, en el que cada celda indica el número de comentarios de un grupo sobre un párrafo. Párrafos sin aportaciones: { $untouched }; párrafos señalados por falta de equilibrio: { $flagged }.
dash-heat-caption = Las filas corresponden a los párrafos y las columnas, a los grupos de partes interesadas; la leyenda indica el número de comentarios que representa cada tono.
dash-heat-untouched_list = Párrafos que ningún grupo ha comentado:
dash-tag = Etiqueta
dash-tag-name = Nombre
dash-tag-paragraphs = Párrafos
dash-by_action_line = Aportaciones por Línea de Acción de la CMSI
dash-by_action_line-desc = Gráfico de barras de los comentarios publicados sobre los párrafos con la etiqueta de cada Línea de Acción de la CMSI, apilados por grupo de partes interesadas:
dash-by_action_line-caption = Comentarios sobre los párrafos con la etiqueta de cada Línea de Acción, por grupo de partes interesadas. Un comentario sobre un párrafo con dos etiquetas se contabiliza en ambas.
dash-by_sdg = Aportaciones por Objetivo de Desarrollo Sostenible
dash-by_sdg-desc = Gráfico de barras de los comentarios publicados sobre los párrafos con la etiqueta de cada ODS, apilados por grupo de partes interesadas:
dash-by_sdg-caption = Comentarios sobre los párrafos con la etiqueta de cada ODS, por grupo de partes interesadas. Un comentario sobre un párrafo con dos etiquetas se contabiliza en ambas.
dash-by_sdg-none = Ningún párrafo de este proyecto tiene la etiqueta de un ODS.
dash-by_place = Por país y región
dash-by_place-lead = El país es el que figuraba en el perfil del autor cuando se redactó el comentario. Las regiones se ajustan a la norma M49 de las Naciones Unidas.
dash-by_region = Comentarios por región de las Naciones Unidas
dash-by_region-desc = Gráfico de barras de los comentarios publicados por región M49 de las Naciones Unidas, apilados por grupo de partes interesadas:
dash-by_region-caption = Comentarios según la región M49 del país del autor, por grupo de partes interesadas.
dash-by_sub_region = Comentarios por subregión de las Naciones Unidas
dash-by_country = Comentarios por país
dash-by_country-desc = Gráfico de barras de los países con más comentarios publicados, apilados por grupo de partes interesadas:
dash-by_country-caption = Los quince países con más comentarios; el cuadro recoge todos los países.
dash-by_country-none = Todavía ningún autor de comentarios ha indicado su país.
dash-region = Región
dash-sub_region = Subregión
dash-region-unknown = País no indicado
dash-country = País
dash-country-unknown = No indicado
dash-by_day = Evolución de la participación
dash-by_day-desc = Gráfico de columnas de los comentarios publicados por día, apilados por grupo de partes interesadas, del { $first } al { $last }; el día de mayor actividad fue el { $peak_day }, con { $peak } comentarios.
dash-by_day-caption = Comentarios publicados por día (UTC), por grupo de partes interesadas.
dash-by_day-empty = Todavía no se ha publicado ningún comentario.
dash-day = Día

## Regiones M49 de las Naciones Unidas
m49-002 = África
m49-019 = Américas
m49-142 = Asia
m49-150 = Europa
m49-009 = Oceanía
m49-015 = África septentrional
m49-202 = África subsahariana
m49-014 = África oriental
m49-017 = África central
m49-018 = África meridional
m49-011 = África occidental
m49-419 = América Latina y el Caribe
m49-029 = Caribe
m49-013 = Centroamérica
m49-005 = América del Sur
m49-021 = América septentrional
m49-143 = Asia central
m49-030 = Asia oriental
m49-035 = Asia sudoriental
m49-034 = Asia meridional
m49-145 = Asia occidental
m49-151 = Europa oriental
m49-154 = Europa septentrional
m49-830 = Islas del Canal
m49-039 = Europa meridional
m49-155 = Europa occidental
m49-053 = Australia y Nueva Zelandia
m49-054 = Melanesia
m49-057 = Micronesia
m49-061 = Polinesia
m49-none = Sin región

## Idiomas
lang-switcher = Idioma
list-separator = { ", " }
field-preferred_language = Idioma de las páginas y de los correos electrónicos

## Correos electrónicos de notificación
email-on-paragraph = sobre el ¶{ $label }
email-on-draft = sobre el conjunto del proyecto
email-paragraph = ¶{ $label }
email-whole-draft = el conjunto del proyecto
email-subject-reply = Respuesta a su comentario { $on } — { $document }
email-subject-thread = Nueva respuesta { $on } en un debate en el que usted ha participado — { $document }
email-subject-comment = Nuevo comentario { $on } — { $document }
email-subject-amendment = Nueva enmienda { $on } — { $document }
email-lead-wrote = { $author } escribió { $on } (“{ $draft }”, { $version }):
email-byline-anonymous = Un participante ({ $group })
email-proposed-text = Texto propuesto: { $text }
email-read-thread = Leer el debate y responder
email-queue-subject = Comentarios pendientes de moderación — Plenary
email-queue-lead = Hay comentarios a la espera en la cola de examen ({ $n } pendientes de aprobación, además de los que hayan denunciado los participantes).
email-queue-extra = Recibirá como máximo un correo electrónico de este tipo por hora.
email-queue-link = Abrir la cola de examen
email-decision-subject-approved = Se ha aprobado su comentario { $on } — { $document }
email-decision-subject-hidden = Se ha ocultado su comentario { $on } — { $document }
email-decision-subject-rejected = Se ha rechazado su comentario { $on } — { $document }
email-decision-lead-approved = Un moderador ha aprobado su comentario { $on } (“{ $draft }”, { $version }).
email-decision-lead-hidden = Un moderador ha ocultado su comentario { $on } (“{ $draft }”, { $version }).
email-decision-lead-rejected = Un moderador ha rechazado su comentario { $on } (“{ $draft }”, { $version }).
email-your-comment = Su comentario:
email-moderator-reason = Motivo indicado por el moderador: { $reason }
email-open-discussion = Abrir el debate
email-revision-subject = Nueva versión revisada publicada: { $version } — { $consultation }
email-revision-lead = La secretaría ha publicado la versión { $version } de “{ $draft }”, que sustituye a la versión { $previous }. Sus aportaciones anteriores siguen vinculadas a los párrafos a los que se referían.
email-revision-input = Su aportación { $on }: { $disposition }
email-revision-input-explained = Su aportación { $on }: { $disposition } — { $explanation }
email-revision-response = Respuesta de la secretaría a sus aportaciones:
email-revision-link = Leer la nueva versión
email-footer-why = Recibe este correo electrónico debido a su configuración de notificaciones de Plenary.
email-footer-change = Modificarla
email-footer-or = o
email-footer-unsubscribe = cancelar la suscripción a todas las notificaciones
email-footer-text-change = Modifique su configuración de notificaciones: { $url }
email-footer-text-unsubscribe = Cancele la suscripción a todas las notificaciones: { $url }
email-digest-subject = { $n ->
    [one] Su resumen de Plenary: { $n } novedad
   *[other] Su resumen de Plenary: { $n } novedades
}
email-digest-lead = Estas son las novedades desde su último resumen.
email-digest-change = Modifique su configuración de notificaciones

## Títulos de los problemas de la API (en la API, el detalle y los mensajes relativos a los campos se mantienen en inglés, porque los clientes se basan en ellos)
problem-400 = Solicitud incorrecta
problem-401 = No autorizado
problem-403 = Prohibido
problem-404 = No encontrado
problem-409 = Conflicto
problem-413 = Contenido demasiado grande
problem-422 = Entidad no procesable
problem-429 = Demasiadas solicitudes
problem-500 = Error interno del servidor
problem-503 = Servicio no disponible

## Errores relativos a los campos y detalles de los problemas que se muestran en las páginas (src/i18n/messages.rs contiene las frases
## en inglés que escribe el código; los valores técnicos como opens_at, csv o C1–C11 se mantienen tal cual)
msg-required = es un campo obligatorio
msg-not-empty = no puede dejarse en blanco
msg-at-most-chars = { $n ->
    [one] debe tener como máximo { $n } carácter
   *[other] debe tener como máximo { $n } caracteres
}
msg-at-least-chars = { $n ->
    [one] debe tener al menos { $n } carácter
   *[other] debe tener al menos { $n } caracteres
}
msg-too-long = supera la longitud máxima permitida
msg-no-nul = no debe contener el carácter NUL (U+0000)
msg-no-nul-chars = no debe contener caracteres NUL
msg-no-control = no debe contener caracteres de control
msg-id = debe ser un identificador
msg-one-of = debe ser uno de los siguientes valores: { $values }
msg-refers-to-nothing = remite a un elemento que no existe
msg-missing = no se ha indicado
msg-email = debe ser una dirección de correo electrónico
msg-email-taken = Ya existe una cuenta con esta dirección de correo electrónico.
msg-password-weak = es demasiado fácil de adivinar: evite las palabras comunes, los nombres, las fechas y las secuencias previsibles; unas cuantas palabras sin relación entre sí constituyen una buena contraseña
msg-not-correct = el valor introducido no es correcto
msg-totp-wrong = no corresponde al código que muestra actualmente su aplicación de autenticación
msg-totp-used = ya se ha utilizado: espere al siguiente código de su aplicación de autenticación
msg-code-required = es un campo obligatorio: la autenticación de dos factores está activada
msg-token-expired = no es válido o ha caducado
msg-token-used = no es válido, ya se ha utilizado o ha caducado
msg-country = debe ser un código ISO 3166-1 de dos letras, por ejemplo, KE o BR
msg-group-one-of = debe ser uno de los siguientes valores: government, private_sector, civil_society, academia, technical_community, international_organization
msg-not-group = no es un grupo de partes interesadas
msg-notification-mode = debe ser uno de los siguientes valores: immediate, daily_digest, off
msg-role = debe ser participant, moderator o admin
msg-mfa-setup-first = Inicie primero la configuración.
msg-mfa-already-on = La autenticación de dos factores ya está activada.
msg-suspended = Esta cuenta está suspendida.
msg-confirm-email = Confirme su dirección de correo electrónico antes de participar: siga el enlace que figura en el correo electrónico que le enviamos.
msg-delete-own = Elimine su propia cuenta desde Mi cuenta, donde se le volverá a pedir la contraseña.
msg-last-admin = Esta es la única cuenta de administrador: designe antes otra cuenta como administrador.
msg-not-yourself = No puede suspender su propia cuenta ni cambiar su propia función.
msg-moderators-suspend = Los moderadores solo pueden suspender a participantes.
msg-admins-roles = Solo los administradores pueden cambiar funciones o verificar afiliaciones.
msg-staff-mfa = Los moderadores y administradores deben activar antes la autenticación de dos factores (Mi cuenta).
msg-admins-only = Solo los administradores pueden realizar esta acción.
msg-moderators-only = Solo los moderadores pueden realizar esta acción.
msg-after-opens = debe ser posterior a opens_at
msg-rfc3339 = debe ser una fecha y hora en formato RFC 3339, por ejemplo, 2026-01-31T17:00:00Z
msg-moderation-mode = debe ser pre o post
msg-draft-empty = está vacío: el proyecto no tiene ningún párrafo
msg-import-empty = el proyecto no tiene ningún párrafo: el texto introducido está vacío
msg-import-nul = el proyecto contiene un byte NUL (línea { $line }); guárdelo como texto sin formato en UTF-8
msg-import-html = no se admite código HTML sin procesar (línea { $line }); escriba el texto en Markdown
msg-import-nesting = { $max ->
    [one] hay listas o citas en bloque anidadas en más de { $max } nivel (línea { $line })
   *[other] hay listas o citas en bloque anidadas en más de { $max } niveles (línea { $line })
}
msg-import-too-many = { $max ->
    [one] el proyecto tiene más de { $max } párrafo (el párrafo { $number } comienza en la línea { $line }); divídalo en varios proyectos
   *[other] el proyecto tiene más de { $max } párrafos (el párrafo { $number } comienza en la línea { $line }); divídalo en varios proyectos
}
msg-import-unknown-tag = el párrafo { $number } (línea { $line }) tiene una etiqueta desconocida, “{ $tag }”; las etiquetas deben ser C1–C11 o SDG1–SDG17
msg-import-tags-alone = el párrafo { $number } (línea { $line }) tiene etiquetas, pero no texto; coloque el bloque de etiquetas al final del párrafo al que corresponde
msg-import-paragraph-long = { $chars ->
    [one] el párrafo { $number } (línea { $line }) es demasiado largo: tiene { $chars } carácter y el límite es { $max }
   *[other] el párrafo { $number } (línea { $line }) es demasiado largo: tiene { $chars } caracteres y el límite es { $max }
}
msg-tags-required = es un campo obligatorio: indique una lista, por ejemplo, ["C5", "SDG9"]
msg-tags-unknown = contiene etiquetas desconocidas ({ $tags }); las etiquetas deben ser C1–C11 o SDG1–SDG17
msg-tags-at-most = { $n ->
    [one] debe contener como máximo { $n } etiqueta
   *[other] debe contener como máximo { $n } etiquetas
}
msg-tag = debe ser una etiqueta: C1–C11 o SDG1–SDG17
msg-kind = debe ser comment o amendment
msg-attribution = debe ser name, organization o group
msg-amendment-paragraph = es un campo obligatorio en las enmiendas
msg-amendment-text = es un campo obligatorio en las enmiendas: el texto completo que propone para el párrafo
msg-amendment-reply = debe dejarse en blanco: una enmienda no puede ser una respuesta
msg-only-amendments = solo se aplica a las enmiendas
msg-not-paragraph = no es un párrafo de este proyecto
msg-not-comment = no es un comentario de este proyecto
msg-reply-unpublished = no admite respuestas: no se ha publicado
msg-reply-paragraph = debe ser el párrafo del comentario al que responde
msg-consultation-closed = La consulta no está abierta: solo se pueden redactar, modificar y retirar comentarios mientras está abierta.
msg-superseded = Esta versión del proyecto ha sido sustituida por una versión revisada; formule sus comentarios sobre la versión más reciente.
msg-author-only = Solo el autor puede modificar un comentario.
msg-no-longer-editable = Este comentario ya no se puede modificar.
msg-moderators-list = Solo los moderadores pueden obtener la lista de los comentarios en todos los estados.
msg-flag-reason = debe ser spam, abusive, off_topic o other
msg-moderation-action = debe ser approve, hide, reject o restore
msg-moderation-reason = es un campo obligatorio para ocultar o rechazar un comentario: el autor lo leerá
msg-flag-unpublished = Solo se pueden denunciar los comentarios publicados.
msg-flag-own = No puede denunciar su propio comentario.
msg-flag-twice = Ya ha denunciado este comentario.
msg-moderation-transition = No se puede { $action ->
        [approved] aprobar
        [hidden] ocultar
        [rejected] rechazar
       *[restored] restablecer
    } un comentario { $status ->
        [pending] pendiente de moderación
        [published] publicado
        [hidden] oculto
        [rejected] rechazado
       *[withdrawn] retirado
    }.
msg-revise-latest = Este proyecto ya tiene una versión revisada: revise la versión más reciente.
msg-revision-empty = está vacío: la versión revisada no tiene ningún párrafo
msg-revision-no-paragraph = la versión revisada no tiene párrafo { $number }
msg-revision-not-earlier = el párrafo { $number } no es un párrafo del proyecto que se está revisando
msg-revision-not-number = ¶ { $token } no es un número de párrafo de la versión anterior
msg-disposition = debe ser incorporated, partly_incorporated, not_incorporated o noted
msg-disposition-reply = es una respuesta a otro comentario: las respuestas de la secretaría solo se refieren a los comentarios y las enmiendas de primer nivel
msg-moderators-dispositions = Solo los moderadores pueden registrar las respuestas de la secretaría.
msg-format-required = es un campo obligatorio: csv, json, xlsx, html, docx o pdf
msg-format = debe ser csv, json, xlsx, html, docx o pdf
msg-export-status = debe ser published o all
msg-moderators-export = Solo los moderadores pueden exportar los comentarios en todos los estados.
msg-form-type = Este formulario debe enviarse como application/x-www-form-urlencoded.
msg-form-unreadable = no se puede leer el formulario: { $error }
msg-form-invalid = No se ha podido leer el formulario: { $error }.
msg-docx-with-text = no debe enviarse junto con el texto: envíe el proyecto en Markdown o como archivo de Word
msg-utf8 = debe ser texto UTF-8
msg-multipart-invalid = No se ha podido leer el cuerpo multipart/form-data: { $error }.
msg-multipart-parts = El formulario tiene más de { $n } partes.
msg-form-type-multipart = Este formulario debe enviarse como multipart/form-data.
msg-docx-invalid = no es un archivo de Word válido ({ $detail })
msg-docx-bomb = supera los { $n } MiB al descomprimirse: no es un proyecto que el importador pueda leer
msg-docx-too-large = supera los { $n } MiB
msg-docx-not-zip = no es un archivo de Word (.docx): no es un paquete zip
msg-docx-no-document = no es un archivo de Word (.docx): no contiene word/document.xml
msg-docx-comments = el archivo contiene comentarios de Word: no se importan
msg-docx-table = no se importa una tabla situada después del párrafo { $number }: redáctela en forma de párrafos
msg-docx-image = no se importa una imagen u objeto del párrafo { $number }
msg-docx-changes = el archivo contiene cambios controlados ({ $n }): se importan como si se hubieran aceptado (se conservan las inserciones y se omiten las supresiones); acéptelos o rechácelos en Word para mayor seguridad
msg-exists = Este elemento ya existe.
msg-unauthorized = Inicie sesión o envíe un token de portador válido.
msg-mfa-required = Introduzca el código de un solo uso de su aplicación de autenticación (campo totp) o un código de recuperación.
msg-cross-site = Este formulario se envió desde otro sitio. Regrese a Plenary y vuelva a intentarlo.
msg-not-found = Aquí no hay nada, o no está autorizado a verlo.
msg-too-large = El cuerpo de la solicitud supera el tamaño que admite este punto de conexión.
msg-invalid-fields = Algunos campos no son válidos; véase errors.
msg-rate-limited = { $n ->
    [one] Demasiados intentos; vuelva a intentarlo dentro de { $n } segundo.
   *[other] Demasiados intentos; vuelva a intentarlo dentro de { $n } segundos.
}
msg-unavailable = El servicio no está disponible temporalmente.
msg-internal = Se ha producido un error inesperado.

## Versiones lingüísticas de un proyecto (issue 17)
draft-versions = Versiones lingüísticas de este proyecto
draft-read_in = Leer en:
draft-original = original
draft-side_by_side = En paralelo con
draft-fallback = Este proyecto no está disponible en ese idioma ({ $asked }): está leyendo el original ({ $original }).
comment-language = Idioma del comentario
export-text_language = Idioma del texto
trans-title = Versiones lingüísticas
trans-original = Idioma del original:
trans-none = Todavía no hay versiones lingüísticas.
trans-all_done = El proyecto tiene una versión en cada uno de los seis idiomas.
trans-add = Añadir una versión lingüística
trans-hint = Pegue el texto Markdown del proyecto en otro idioma. Debe tener los mismos párrafos que el original, con los mismos números y signaturas (PP3, 12, (a)): los comentarios pertenecen al párrafo, por lo que aparecen bajo el mismo párrafo en todas las versiones. Si algún párrafo no coincide, no se guarda nada y se indican los párrafos afectados.
trans-language = Idioma
trans-field-title = Título en ese idioma (el del original si se deja vacío)
trans-written_in = Idioma del proyecto
dash-by_language = Contribuciones por idioma
dash-by_language-desc = Contribuciones publicadas, por idioma de redacción:
dash-by_language-caption = Cada comentario se cuenta una sola vez, en el idioma en que lo escribió su autor, sea cual sea la versión lingüística del proyecto que leía.
dash-by_language-none = Todavía no hay contribuciones publicadas.
dash-language = Idioma
msg-trans-label = el párrafo { $number } lleva la signatura { $original } en el original y { $translation } en la traducción
msg-trans-missing = falta en la traducción el párrafo { $number } ({ $label }) del original
msg-trans-extra = el párrafo { $number } ({ $label }) de la traducción no figura en el original
msg-trans-more = { $n ->
    [one] y { $n } párrafo más no coincide
   *[other] y { $n } párrafos más no coinciden
}
msg-trans-of-translation = es una versión lingüística del proyecto { $of }: añada las versiones lingüísticas al proyecto original
msg-trans-original = El proyecto original está redactado en ese idioma ({ $code }): es el original, no una versión lingüística.
msg-trans-exists = El proyecto ya tiene una versión en ese idioma ({ $code }).
