<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>bt::Alignment</name>
    <message>
        <source>empty page image</source>
        <translation>image de page vide</translation>
    </message>
    <message>
        <source>unreliable alignment (overlap %1): the sheets may be different drawings</source>
        <translation>alignement peu fiable (recouvrement %1)&#xa0;: les plans sont peut-être des dessins différents</translation>
    </message>
</context>
<context>
    <name>bt::Compare</name>
    <message>
        <source>cannot write %1</source>
        <translation>impossible d’écrire %1</translation>
    </message>
    <message>
        <source>%1: page %2 could not be rendered (%3)</source>
        <translation>%1 : la page %2 n’a pas pu être rendue (%3)</translation>
    </message>
</context>
<context>
    <name>bt::Document</name>
    <message>
        <source>file not found</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>is a folder, not a PDF or image file</source>
        <translation>est un dossier, pas un fichier PDF ou image</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>illisible (%1)</translation>
    </message>
    <message>
        <source>file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>PDF is truncated (no end-of-file marker)</source>
        <translation>le PDF est tronqué (marqueur de fin de fichier absent)</translation>
    </message>
    <message>
        <source>PDF is password-protected; give its password</source>
        <translation>le PDF est protégé par un mot de passe&#xa0;; indiquez-le</translation>
    </message>
    <message>
        <source>wrong password for this PDF</source>
        <translation>mot de passe incorrect pour ce PDF</translation>
    </message>
    <message>
        <source>PDF uses an unsupported encryption scheme</source>
        <translation>le PDF utilise un chiffrement non pris en charge</translation>
    </message>
    <message>
        <source>PDF has no pages</source>
        <translation>le PDF n’a aucune page</translation>
    </message>
    <message>
        <source>PDF is damaged and cannot be opened</source>
        <translation>le PDF est endommagé et ne peut pas être ouvert</translation>
    </message>
    <message>
        <source>not a PDF or an image (PNG, JPEG, TIFF)</source>
        <translation>ni un PDF ni une image (PNG, JPEG, TIFF)</translation>
    </message>
    <message>
        <source>image is %1 x %2 pixels, more than the %3 MP limit</source>
        <translation>l’image fait %1 x %2 pixels, au-delà de la limite de %3 MP</translation>
    </message>
    <message>
        <source>image is damaged and cannot be read (%1)</source>
        <translation>l’image est endommagée et illisible (%1)</translation>
    </message>
    <message>
        <source>page %1 has no size</source>
        <translation>la page %1 n’a pas de dimensions</translation>
    </message>
    <message>
        <source>page %1 is %2 x %3 in, too large to render even at %4 DPI within %5 MP</source>
        <translation>la page %1 mesure %2 x %3 po, trop grande pour être rendue même à %4 DPI dans la limite de %5 MP</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>n’est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>page %1 is %2 x %3 pt, not the size or shape of a drawing sheet</source>
        <translation>la page %1 mesure %2 x %3 pt, ni la taille ni la forme d’une feuille de plan</translation>
    </message>
    <message>
        <source>opening was cancelled</source>
        <translation>l’ouverture a été annulée</translation>
    </message>
    <message>
        <source>PDF is damaged and cannot be opened (%1)</source>
        <translation>le PDF est endommagé et ne peut pas être ouvert (%1)</translation>
    </message>
</context>
<context>
    <name>bt::JobStore</name>
    <message>
        <source>%1: cannot open the history (%2)</source>
        <translation>%1 : impossible d’ouvrir l’historique (%2)</translation>
    </message>
    <message>
        <source>%1: the history file is read-only and of an older version (%2, this version uses %3): upgrading it needs write access</source>
        <translation>%1 : le fichier d’historique est en lecture seule et d’une version antérieure (%2, cette version utilise %3) : sa mise à niveau demande l’accès en écriture</translation>
    </message>
    <message>
        <source>%1: the history file is read-only</source>
        <translation>%1 : le fichier d’historique est en lecture seule</translation>
    </message>
    <message>
        <source>cannot create its folder</source>
        <translation>impossible de créer son dossier</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>pas un fichier</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>%1: the history file is damaged (%2)</source>
        <translation>%1 : le fichier d’historique est endommagé (%2)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1 : fichier introuvable</translation>
    </message>
    <message>
        <source>%1: cannot rename it to %2</source>
        <translation>%1 : impossible de le renommer en %2</translation>
    </message>
</context>
<context>
    <name>bt::OutputFile</name>
    <message>
        <source>is a folder, not a file</source>
        <translation>est un dossier, pas un fichier</translation>
    </message>
    <message>
        <source>is not a file, a FIFO or a character device</source>
        <translation>n’est ni un fichier, ni un FIFO, ni un périphérique caractère</translation>
    </message>
</context>
<context>
    <name>bt::Pipeline</name>
    <message>
        <source>a job is already running</source>
        <translation>une comparaison est déjà en cours</translation>
    </message>
    <message>
        <source>%1: cannot record the job (%2)</source>
        <translation>%1&#xa0;: impossible d’enregistrer la comparaison dans l’historique (%2)</translation>
    </message>
    <message>
        <source>no job %1 in the history</source>
        <translation>aucune comparaison %1 dans l’historique</translation>
    </message>
    <message>
        <source>%1: the file changed since job %2 ran</source>
        <translation>%1&#xa0;: le fichier a changé depuis la comparaison %2</translation>
    </message>
    <message>
        <source>not compared: the OCR stage failed</source>
        <translation>non comparé&#xa0;: l’étape OCR a échoué</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>mémoire insuffisante</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <source>these sheets cannot be changed that way</source>
        <translation>ces feuilles ne peuvent pas être modifiées ainsi</translation>
    </message>
</context>
<context>
    <name>bt::ProjectStore</name>
    <message>
        <source>a project needs a name</source>
        <translation>un projet doit avoir un nom</translation>
    </message>
    <message>
        <source>there is a project named &quot;%1&quot; already</source>
        <translation>il existe déjà un projet nommé « %1 »</translation>
    </message>
    <message>
        <source>no project %1</source>
        <translation>aucun projet %1</translation>
    </message>
</context>
<context>
    <name>bt::RenderProcess</name>
    <message>
        <source>the rendered page could not be read back</source>
        <translation>la page rendue n’a pas pu être relue</translation>
    </message>
    <message>
        <source>the page needed more than %1 s of processor time</source>
        <translation>la page a demandé plus de %1 s de temps processeur</translation>
    </message>
    <message>
        <source>the renderer was killed (out of memory?)</source>
        <translation>le moteur de rendu a été tué (mémoire épuisée ?)</translation>
    </message>
    <message>
        <source>the renderer crashed or ran out of memory (limit %1 MB)</source>
        <translation>le moteur de rendu a planté ou a manqué de mémoire (limite %1 Mo)</translation>
    </message>
    <message>
        <source>the renderer stopped unexpectedly (exit %1)</source>
        <translation>le moteur de rendu s’est arrêté de façon inattendue (code %1)</translation>
    </message>
    <message>
        <source>cannot start the renderer %1 (%2)</source>
        <translation>impossible de lancer le moteur de rendu %1 (%2)</translation>
    </message>
    <message>
        <source>took longer than %1 s</source>
        <translation>a pris plus de %1 s</translation>
    </message>
</context>
<context>
    <name>bt::Report</name>
    <message>
        <source>%1: cannot write the change list (%2)</source>
        <translation>%1&#xa0;: impossible d’écrire la liste des modifications (%2)</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>review status</comment>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Accepted</source>
        <comment>review status</comment>
        <translation>Acceptée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>review status</comment>
        <translation>Rejetée</translation>
    </message>
    <message>
        <source>Needs clarification</source>
        <comment>review status</comment>
        <translation>À clarifier</translation>
    </message>
    <message>
        <source>pending</source>
        <comment>job status</comment>
        <translation>en attente</translation>
    </message>
    <message>
        <source>in progress</source>
        <comment>job status</comment>
        <translation>en cours</translation>
    </message>
    <message>
        <source>completed</source>
        <comment>job status</comment>
        <translation>terminée</translation>
    </message>
    <message>
        <source>completed with errors</source>
        <comment>job status</comment>
        <translation>terminée avec des erreurs</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>job status</comment>
        <translation>échouée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>job status</comment>
        <translation>annulée</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Sheet %1</source>
        <translation>Plan %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Drawing comparison report</source>
        <translation>Rapport de comparaison de plans</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Old text</source>
        <translation>Ancien texte</translation>
    </message>
    <message>
        <source>New text</source>
        <translation>Nouveau texte</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>review status: comment</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Sheets (continued)</source>
        <translation>Plans (suite)</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Unchanged: in both sets</source>
        <translation>Inchangé&#xa0;: dans les deux jeux de plans</translation>
    </message>
    <message>
        <source>Removed: only in the old set (%1)</source>
        <translation>Supprimé&#xa0;: seulement dans l’ancien jeu (%1)</translation>
    </message>
    <message>
        <source>Added: only in the new set (%1)</source>
        <translation>Ajouté&#xa0;: seulement dans le nouveau jeu (%1)</translation>
    </message>
    <message>
        <source>Cloud: a change, numbered as in the table</source>
        <translation>Nuage&#xa0;: une modification, numérotée comme dans le tableau</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>page %1 de %2</translation>
    </message>
    <message>
        <source>not in this set</source>
        <translation>absent de ce jeu</translation>
    </message>
    <message>
        <source>Old: %1. New: %2.</source>
        <translation>Ancien&#xa0;: %1. Nouveau&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Changes (%1)</source>
        <translation>Modifications (%1)</translation>
    </message>
    <message>
        <source>(changes continued)</source>
        <translation>(modifications, suite)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message>
        <source>Sheet %1 of %2 · %3</source>
        <translation>Plan %1 sur %2 · %3</translation>
    </message>
    <message>
        <source>the job kept no overlay</source>
        <translation>la comparaison n’a pas conservé de superposition</translation>
    </message>
    <message>
        <source>No sheet image: %1</source>
        <translation>Pas d’image du plan&#xa0;: %1</translation>
    </message>
    <message>
        <source>the sheet was not compared</source>
        <translation>le plan n’a pas été comparé</translation>
    </message>
    <message>
        <source>No sheet image: page %1 of %2 cannot be rendered</source>
        <translation>Pas d’image du plan&#xa0;: la page %1 de %2 ne peut pas être rendue</translation>
    </message>
    <message>
        <source>No overlay (%1): the new sheet is shown with boxes around the changes.</source>
        <translation>Pas de superposition (%1)&#xa0;: le nouveau plan est affiché avec des cadres autour des modifications.</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Aucune.</translation>
    </message>
    <message>
        <source>cannot start the PDF</source>
        <translation>impossible de commencer le PDF</translation>
    </message>
    <message>
        <source>cannot add a page</source>
        <translation>impossible d’ajouter une page</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>%1: cannot write the report (%2)</source>
        <translation>%1&#xa0;: impossible d’écrire le rapport (%2)</translation>
    </message>
    <message>
        <source>%1: report not written (%2)</source>
        <translation>%1&#xa0;: rapport non écrit (%2)</translation>
    </message>
    <message>
        <source>%1: cannot read the overlay (%2)</source>
        <translation>%1&#xa0;: impossible de lire la superposition (%2)</translation>
    </message>
    <message>
        <source>%1: not an overlay palette image</source>
        <translation>%1&#xa0;: pas une image de superposition à palette</translation>
    </message>
    <message>
        <source>Changed</source>
        <comment>sheet status</comment>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <comment>sheet status</comment>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>Added</source>
        <comment>sheet status</comment>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Removed</source>
        <comment>sheet status</comment>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>sheet status</comment>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Not compared</source>
        <comment>sheet status</comment>
        <translation>Non comparé</translation>
    </message>
    <message>
        <source>Added</source>
        <comment>change kind</comment>
        <translation>Ajout</translation>
    </message>
    <message>
        <source>Removed</source>
        <comment>change kind</comment>
        <translation>Suppression</translation>
    </message>
    <message>
        <source>Modified</source>
        <comment>change kind</comment>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Summary (rewritten by the AI model %1)</source>
        <translation>Résumé (réécrit par le modèle d’IA %1)</translation>
    </message>
    <message>
        <source>Moved</source>
        <comment>change kind</comment>
        <translation>Déplacé</translation>
    </message>
    <message>
        <source>%1: cannot read the NEW set for the markups (%2)</source>
        <translation>%1 : impossible de lire le jeu NOUVEAU pour les annotations (%2)</translation>
    </message>
    <message>
        <source>%1: not a PDF; markups need a PDF set</source>
        <translation>%1 : pas un PDF ; les annotations demandent un jeu PDF</translation>
    </message>
    <message>
        <source>%1: changed since the comparison; compare it again for markups</source>
        <translation>%1 : modifié depuis la comparaison ; comparez-le à nouveau pour les annotations</translation>
    </message>
    <message>
        <source>%1: has %2 pages, the comparison had more</source>
        <translation>%1 : a %2 pages, la comparaison en avait plus</translation>
    </message>
    <message>
        <source>%1: password-protected; markups need its password</source>
        <translation>%1 : protégé par mot de passe ; les annotations demandent son mot de passe</translation>
    </message>
    <message>
        <source>%1: cannot write markups on it (%2)</source>
        <translation>%1 : impossible d’y écrire les annotations (%2)</translation>
    </message>
    <message>
        <source>%1: cannot write the markups (%2)</source>
        <translation>%1 : impossible d’écrire les annotations (%2)</translation>
    </message>
    <message>
        <source>Alignment uncertain — check: %1</source>
        <translation>Alignement incertain — à vérifier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Aligned by hand.</source>
        <translation>Aligné à la main.</translation>
    </message>
    <message>
        <source>Aligned automatically.</source>
        <translation>Aligné automatiquement.</translation>
    </message>
    <message>
        <source>Dashed grey cloud: a rejected change</source>
        <translation>Nuage gris en pointillés&#xa0;: une modification rejetée</translation>
    </message>
    <message>
        <source>nothing to report</source>
        <translation>rien à rapporter</translation>
    </message>
    <message>
        <source>Project no. %1</source>
        <translation>Projet n° %1</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Client&#xa0;: %1</translation>
    </message>
    <message>
        <source>Old set</source>
        <translation>Ancien jeu de plans</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>Nouveau jeu de plans</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Émis par</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Comparé</translation>
    </message>
    <message>
        <source>%1 of %2 changes reviewed: %3 accepted, %4 rejected, %5 need clarification</source>
        <translation>%1 modifications sur %2 examinées&#xa0;: %3 acceptées, %4 rejetées, %5 à clarifier</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Alignement</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>DPI</translation>
    </message>
    <message>
        <source>Appendix: comparison details</source>
        <translation>Annexe&#xa0;: détails de la comparaison</translation>
    </message>
    <message>
        <source>Old file</source>
        <translation>Ancien fichier</translation>
    </message>
    <message>
        <source>%1 (modified %2)</source>
        <translation>%1 (modifié le %2)</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>Nouveau fichier</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>%1, %2, started %3</source>
        <translation>%1, %2, commencée le %3</translation>
    </message>
    <message>
        <source>Alignment of each sheet</source>
        <translation>Alignement de chaque feuille</translation>
    </message>
    <message>
        <source>Appendix (continued)</source>
        <translation>Annexe (suite)</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>indice %1</translation>
    </message>
    <message>
        <source>%1 (%2, from the title blocks)</source>
        <comment>set name, revision and date</comment>
        <translation>%1 (%2, d’après les cartouches)</translation>
    </message>
</context>
<context>
    <name>bt::ServerClient</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>bt::Summary</name>
    <message>
        <source>between grids %1</source>
        <translation>entre les axes %1</translation>
    </message>
    <message>
        <source>near grid %1</source>
        <translation>près de l’axe %1</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>quoted text from the drawing</comment>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>upper left</source>
        <translation>en haut à gauche</translation>
    </message>
    <message>
        <source>upper centre</source>
        <translation>en haut au centre</translation>
    </message>
    <message>
        <source>upper right</source>
        <translation>en haut à droite</translation>
    </message>
    <message>
        <source>middle left</source>
        <translation>au milieu à gauche</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>au centre</translation>
    </message>
    <message>
        <source>middle right</source>
        <translation>au milieu à droite</translation>
    </message>
    <message>
        <source>lower left</source>
        <translation>en bas à gauche</translation>
    </message>
    <message>
        <source>lower centre</source>
        <translation>en bas au centre</translation>
    </message>
    <message>
        <source>lower right</source>
        <translation>en bas à droite</translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation>plan %1</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>%1: sheet added in the new set.</source>
        <translation>%1&#xa0;: plan ajouté dans le nouveau jeu de plans.</translation>
    </message>
    <message>
        <source>%1: sheet removed from the new set.</source>
        <translation>%1&#xa0;: plan retiré du nouveau jeu de plans.</translation>
    </message>
    <message>
        <source>%1: comparison failed: %2</source>
        <translation>%1&#xa0;: échec de la comparaison&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: no changes.</source>
        <translation>%1&#xa0;: aucune modification.</translation>
    </message>
    <message>
        <source>%1 added</source>
        <comment>a dimension</comment>
        <translation>%1 ajoutée</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <comment>a dimension</comment>
        <translation>%1 supprimée</translation>
    </message>
    <message>
        <source>note added: %1</source>
        <translation>note ajoutée&#xa0;: %1</translation>
    </message>
    <message>
        <source>note removed: %1</source>
        <translation>note supprimée&#xa0;: %1</translation>
    </message>
    <message>
        <source>note changed: %1</source>
        <translation>note modifiée&#xa0;: %1</translation>
    </message>
    <message>
        <source>added %1</source>
        <comment>a text</comment>
        <translation>%1 ajouté</translation>
    </message>
    <message>
        <source>removed %1</source>
        <comment>a text</comment>
        <translation>%1 supprimé</translation>
    </message>
    <message numerus="yes">
        <source>%n text</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n texte</numerusform>
            <numerusform>%n textes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dimension(s)</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n cote</numerusform>
            <numerusform>%n cotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drawing</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n dans le dessin</numerusform>
            <numerusform>%n dans le dessin</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <comment>sheet: number of changes — categories</comment>
        <translation>%1&#xa0;: %2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation>Texte&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Dimension(s) %1</source>
        <translation>
            <numerusform>Cote %1</numerusform>
            <numerusform>Cotes %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n ajout</numerusform>
            <numerusform>%n ajouts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n suppression</numerusform>
            <numerusform>%n suppressions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modified</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawing: %1</source>
        <translation>Dessin&#xa0;: %1</translation>
    </message>
    <message>
        <source>No sheets compared.</source>
        <translation>Aucun plan comparé.</translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n modifié</numerusform>
            <numerusform>%n modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n inchangé</numerusform>
            <numerusform>%n inchangés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n ajouté</numerusform>
            <numerusform>%n ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n retiré</numerusform>
            <numerusform>%n retirés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <comment>sheets compared: how many of each</comment>
        <translation>%1&#xa0;: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) compared</source>
        <translation>
            <numerusform>%n plan comparé</numerusform>
            <numerusform>%n plans comparés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n déplacé(s)</numerusform>
            <numerusform>%n déplacé(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2; %3.</source>
        <comment>sheets compared: how many of each; not compared</comment>
        <translation>%1 : %2 ; %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sheet(s) compared</source>
        <translation>
            <numerusform>%1 plan comparé sur %n</numerusform>
            <numerusform>%1 plans comparés sur %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not compared</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n non comparé</numerusform>
            <numerusform>%n non comparés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2×)</source>
        <comment>the same change, how many times</comment>
        <translation>%1 (%2×)</translation>
    </message>
</context>
<context>
    <name>bt::SyncService</name>
    <message>
        <source>No job server is set up (Settings → Job server).</source>
        <translation>Aucun serveur de traitement n’est configuré (Paramètres → Serveur de traitement).</translation>
    </message>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Cette comparaison n’est plus dans l’historique.</translation>
    </message>
    <message>
        <source>That comparison is on the server already.</source>
        <translation>Cette comparaison est déjà sur le serveur.</translation>
    </message>
    <message>
        <source>Deleting a job on the server</source>
        <translation>La suppression d’une tâche sur le serveur</translation>
    </message>
    <message>
        <source>Sending %1 to the server</source>
        <translation>L’envoi de %1 au serveur</translation>
    </message>
    <message>
        <source>Starting the job on the server</source>
        <translation>Le lancement de la tâche sur le serveur</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
    <message>
        <source>Sending reviews to the server</source>
        <translation>L’envoi des revues au serveur</translation>
    </message>
</context>
<context>
    <name>bt::ui::AlignByPointsTool</name>
    <message>
        <source>&amp;Undo Point</source>
        <translation>&amp;Annuler le point</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Align by points</source>
        <translation>Aligner par points</translation>
    </message>
    <message>
        <source>Align the sheet by the picked points and compare it again</source>
        <translation>Aligner la feuille sur les points choisis et la comparer à nouveau</translation>
    </message>
    <message>
        <source>Two point pairs picked. Apply aligns the sheet by them and compares it again.</source>
        <translation>Deux paires de points choisies. Appliquer aligne la feuille sur elles et la compare à nouveau.</translation>
    </message>
    <message>
        <source>The two points are at the same place: undo and pick points far apart.</source>
        <translation>Les deux points sont au même endroit : annulez et choisissez des points éloignés.</translation>
    </message>
    <message>
        <source>Point %1 of 2: click a distinct feature (a grid bubble, a corner) on the OLD sheet (left).</source>
        <translation>Point %1 sur 2 : cliquez un détail distinctif (repère d&apos;axe, angle) sur l&apos;ANCIENNE feuille (à gauche).</translation>
    </message>
    <message>
        <source>Point %1 of 2: click the same feature on the NEW sheet (right).</source>
        <translation>Point %1 sur 2 : cliquez le même détail sur la NOUVELLE feuille (à droite).</translation>
    </message>
</context>
<context>
    <name>bt::ui::ChangeListModel</name>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%1 par %2, %3</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>drawing change</source>
        <translation>modification du dessin</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
    <message>
        <source>Clarify</source>
        <translation>À clarifier</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>déplacé</translation>
    </message>
    <message>
        <source>The whole sheet: added in NEW</source>
        <translation>La planche entière&#xa0;: ajoutée dans NOUVEAU</translation>
    </message>
    <message>
        <source>The whole sheet: removed from OLD</source>
        <translation>La planche entière&#xa0;: supprimée d’ANCIEN</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>review status (reviewer)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>bt::ui::ComparePage</name>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>On Server</source>
        <translation>Sur serveur</translation>
    </message>
    <message>
        <source>Swap OLD and NEW (%1)</source>
        <translation>Intervertir ANCIEN et NOUVEAU (%1)</translation>
    </message>
    <message>
        <source>Swap old and new</source>
        <translation>Intervertir ancien et nouveau</translation>
    </message>
    <message>
        <source>Compare OLD with NEW (Return or %1)</source>
        <translation>Comparer ANCIEN avec NOUVEAU (Entrée ou %1)</translation>
    </message>
    <message>
        <source>Compare on the team&apos;s job server (%1)</source>
        <translation>Comparer sur le serveur de traitement de l’équipe (%1)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifiés</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangés</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>BuildTrace</source>
        <translation>BuildTrace</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>%n plan</numerusform>
            <numerusform>%n plans</numerusform>
        </translation>
    </message>
    <message>
        <source>This comparison has no sheets.</source>
        <translation>Cette comparaison n’a aucun plan.</translation>
    </message>
    <message>
        <source>Waiting for the job server: it cannot be reached now. The comparison is sent when it can.</source>
        <translation>En attente du serveur de traitement : il est injoignable pour le moment. La comparaison sera envoyée dès que possible.</translation>
    </message>
    <message>
        <source>Sending the sets to the job server…</source>
        <translation>Envoi des jeux de plans au serveur de traitement…</translation>
    </message>
    <message>
        <source>The job server is matching the sheets…</source>
        <translation>Le serveur de traitement apparie les plans…</translation>
    </message>
    <message>
        <source>Matching sheets…</source>
        <translation>Appariement des plans…</translation>
    </message>
    <message>
        <source>Not resumed.</source>
        <translation>Comparaison non reprise.</translation>
    </message>
    <message>
        <source>Not compared.</source>
        <translation>Comparaison non effectuée.</translation>
    </message>
    <message>
        <source>No sheets.</source>
        <translation>Aucun plan.</translation>
    </message>
    <message>
        <source>Sheet &amp;Table</source>
        <translation>Ta&amp;bleau des plans</translation>
    </message>
    <message>
        <source>Search number, title, changed text</source>
        <translation>Rechercher numéro, titre, texte modifié</translation>
    </message>
    <message>
        <source>Search sheets</source>
        <translation>Rechercher des plans</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>All disciplines</source>
        <translation>Toutes les disciplines</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Show the sheets as a table (%1)</source>
        <translation>Afficher les plans sous forme de tableau (%1)</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutées</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimées</translation>
    </message>
    <message>
        <source>Show sheets only in NEW</source>
        <translation>Afficher les planches uniquement dans NOUVEAU</translation>
    </message>
    <message>
        <source>Show sheets only in OLD</source>
        <translation>Afficher les planches uniquement dans ANCIEN</translation>
    </message>
</context>
<context>
    <name>bt::ui::DropZone</name>
    <message>
        <source>Drawing sets (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Jeux de plans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Old revision</source>
        <translation>Ancien indice</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Nouvel indice</translation>
    </message>
    <message>
        <source>OLD revision</source>
        <translation>ANCIEN indice</translation>
    </message>
    <message>
        <source>NEW revision</source>
        <translation>NOUVEL indice</translation>
    </message>
    <message>
        <source>Drop a PDF or image here</source>
        <translation>Déposez un PDF ou une image ici</translation>
    </message>
    <message>
        <source>or click to choose a file</source>
        <translation>ou cliquez pour choisir un fichier</translation>
    </message>
    <message>
        <source>Reading… · %1</source>
        <translation>Lecture… · %1</translation>
    </message>
    <message>
        <source>Password protected · %1</source>
        <translation>Protégé par mot de passe · %1</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) · %1</source>
        <translation>
            <numerusform>%n plan · %1</numerusform>
            <numerusform>%n plans · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No file. Press Space to choose one.</source>
        <translation>Aucun fichier. Appuyez sur Espace pour en choisir un.</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Recent Files</source>
        <translation>Fichiers récents</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Choose the old revision</source>
        <translation>Choisir l’ancien indice</translation>
    </message>
    <message>
        <source>Choose the new revision</source>
        <translation>Choisir le nouvel indice</translation>
    </message>
</context>
<context>
    <name>bt::ui::ExportActions</name>
    <message>
        <source>Export &amp;Report…</source>
        <translation>Exporter le ra&amp;pport…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;Markups…</source>
        <translation>E&amp;xporter les annotations…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Export Change &amp;List…</source>
        <translation>Exporter la &amp;liste des modifications…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Print Sheet…</source>
        <translation>&amp;Imprimer la feuille…</translation>
    </message>
    <message>
        <source>Print Repor&amp;t…</source>
        <translation>Imprimer le rappor&amp;t…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Cette comparaison n’est plus dans l’historique.</translation>
    </message>
</context>
<context>
    <name>bt::ui::Help</name>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>BuildTrace User Guide</source>
        <translation>Guide d’utilisation de BuildTrace</translation>
    </message>
    <message>
        <source>About BuildTrace</source>
        <translation>À propos de BuildTrace</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;BuildTrace %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Compares two revisions of a construction drawing set sheet by sheet. Everything runs on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;BuildTrace %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Compare deux indices d’un jeu de plans, plan par plan. Tout se fait sur cet ordinateur.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>bt::ui::HistoryPanel</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Past comparisons</source>
        <translation>Comparaisons précédentes</translation>
    </message>
    <message>
        <source>Show the results of this comparison (Return)</source>
        <translation>Afficher les résultats de cette comparaison (Entrée)</translation>
    </message>
    <message>
        <source>Finish an interrupted or cancelled comparison</source>
        <translation>Terminer une comparaison interrompue ou annulée</translation>
    </message>
    <message>
        <source>Remove this comparison and its overlays from the history (Delete)</source>
        <translation>Retirer cette comparaison et ses superpositions de l’historique (Suppr)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>No comparisons yet.</source>
        <translation>Aucune comparaison pour l’instant.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Send this comparison to the job server, so the team sees it</source>
        <translation>Envoyer cette comparaison au serveur de traitement pour que l’équipe la voie</translation>
    </message>
</context>
<context>
    <name>bt::ui::JobDialogs</name>
    <message>
        <source>OLD</source>
        <translation>ANCIEN</translation>
    </message>
    <message>
        <source>NEW</source>
        <translation>NOUVEAU</translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation>Mot de passe requis</translation>
    </message>
    <message>
        <source>Wrong password for %1. Try again:</source>
        <translation>Mot de passe incorrect pour %1. Réessayez&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (%2) is password protected. Password:</source>
        <translation>%1 (%2) est protégé par mot de passe. Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>Comparaison impossible</translation>
    </message>
    <message>
        <source>The %1 revision cannot be opened.</source>
        <translation>L’indice %1 ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>History Damaged</source>
        <translation>Historique endommagé</translation>
    </message>
    <message>
        <source>Nothing more is written to it. Start a fresh history? The damaged file is kept beside it as %1.damaged-DATE-TIME.</source>
        <translation>Plus rien n’y est écrit. Commencer un nouvel historique ? Le fichier endommagé est conservé à côté sous le nom %1.damaged-DATE-HEURE.</translation>
    </message>
    <message>
        <source>Start a Fresh History</source>
        <translation>Commencer un nouvel historique</translation>
    </message>
    <message>
        <source>History Unavailable</source>
        <translation>Historique indisponible</translation>
    </message>
    <message>
        <source>Delete Comparison</source>
        <translation>Supprimer la comparaison</translation>
    </message>
    <message>
        <source>Delete the comparison of %1 with %2 and its overlays from the history?</source>
        <translation>Supprimer de l’historique la comparaison de %1 avec %2 et ses superpositions&#xa0;?</translation>
    </message>
    <message>
        <source>It is deleted on the job server too, for the whole team. The drawing files themselves are not touched.</source>
        <translation>Elle est aussi supprimée sur le serveur de traitement, pour toute l’équipe. Les fichiers de plans eux-mêmes ne sont pas modifiés.</translation>
    </message>
    <message>
        <source>The copy on the job server stays for the team. The drawing files themselves are not touched.</source>
        <translation>La copie sur le serveur de traitement reste pour l’équipe. Les fichiers de plans eux-mêmes ne sont pas modifiés.</translation>
    </message>
    <message>
        <source>The drawing files themselves are not touched.</source>
        <translation>Les fichiers de plans eux-mêmes ne sont pas modifiés.</translation>
    </message>
</context>
<context>
    <name>bt::ui::JobHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Old: %1
New: %2</source>
        <translation>Ancien&#xa0;: %1
Nouveau&#xa0;: %2</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours d’exécution</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompue</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Completed with errors</source>
        <translation>Terminée avec des erreurs</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>En attente du serveur</translation>
    </message>
    <message>
        <source>Run on the job server</source>
        <translation>Exécutée sur le serveur de traitement</translation>
    </message>
    <message>
        <source>A comparison of the team, from the job server</source>
        <translation>Une comparaison de l’équipe, venue du serveur de traitement</translation>
    </message>
    <message>
        <source>Compared here, and pushed to the job server</source>
        <translation>Comparé ici et envoyé au serveur de traitement</translation>
    </message>
    <message>
        <source>%1 — no comparisons yet</source>
        <translation>%1 — aucune comparaison pour l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n comparison(s))</source>
        <translation>
            <numerusform>%1 (%n comparaison)</numerusform>
            <numerusform>%1 (%n comparaisons)</numerusform>
        </translation>
    </message>
    <message>
        <source>Number: %1</source>
        <translation>Numéro : %1</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Client : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) carried over from a comparison no longer in the history.</source>
        <translation>
            <numerusform>%n revue reprise d’une comparaison qui n’est plus dans l’historique.</numerusform>
            <numerusform>%n revues reprises d’une comparaison qui n’est plus dans l’historique.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) carried over from the comparison of %1 (%2 → %3, job %4).</source>
        <translation>
            <numerusform>%n revue reprise de la comparaison du %1 (%2 → %3, tâche %4).</numerusform>
            <numerusform>%n revues reprises de la comparaison du %1 (%2 → %3, tâche %4).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>NEW set %1</source>
        <translation>NOUVEAU jeu %1</translation>
    </message>
    <message>
        <source>OLD set %1</source>
        <translation>ANCIEN jeu %1</translation>
    </message>
    <message>
        <source>Same settings.</source>
        <translation>Mêmes réglages.</translation>
    </message>
    <message>
        <source>Differs in: %1.</source>
        <translation>Différences : %1.</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>PPP</translation>
    </message>
    <message>
        <source>tolerance (pt)</source>
        <translation>tolérance (pt)</translation>
    </message>
    <message>
        <source>pixel cap</source>
        <translation>limite de pixels</translation>
    </message>
    <message>
        <source>grouping distance (pt)</source>
        <translation>distance de regroupement (pt)</translation>
    </message>
    <message>
        <source>keep renders</source>
        <translation>garder les rendus</translation>
    </message>
    <message>
        <source>scanned</source>
        <translation>numérisé</translation>
    </message>
    <message>
        <source>%1, reviews carried</source>
        <translation>%1, revues reprises</translation>
    </message>
</context>
<context>
    <name>bt::ui::MainWindow</name>
    <message>
        <source>BuildTrace</source>
        <translation>BuildTrace</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Choose &amp;Old Revision…</source>
        <translation>Choisir l’&amp;ancien indice…</translation>
    </message>
    <message>
        <source>Choose &amp;New Revision…</source>
        <translation>Choisir le &amp;nouvel indice…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Swap Old and New</source>
        <translation>&amp;Intervertir ancien et nouveau</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparer</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>C&amp;ancel Comparison</source>
        <translation>Arrê&amp;ter la comparaison</translation>
    </message>
    <message>
        <source>&amp;Back to Sheets</source>
        <translation>&amp;Retour aux plans</translation>
    </message>
    <message>
        <source>&amp;Previous Sheet</source>
        <translation>Plan &amp;précédent</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>&amp;Next Sheet</source>
        <translation>Plan &amp;suivant</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Para&amp;mètres…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Refresh History</source>
        <translation>&amp;Actualiser l’historique</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Show &amp;All Sheets</source>
        <translation>Afficher &amp;tous les plans</translation>
    </message>
    <message>
        <source>Show &amp;Changed Sheets</source>
        <translation>Afficher les plans &amp;modifiés</translation>
    </message>
    <message>
        <source>Show &amp;Unchanged Sheets</source>
        <translation>Afficher les plans &amp;inchangés</translation>
    </message>
    <message>
        <source>Show &amp;Failed Sheets</source>
        <translation>Afficher les plans en &amp;échec</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Recent Comparisons</source>
        <translation>Comparaisons &amp;récentes</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About BuildTrace</source>
        <translation>À &amp;propos de BuildTrace</translation>
    </message>
    <message>
        <source>History Unavailable</source>
        <translation>Historique indisponible</translation>
    </message>
    <message>
        <source>Choose both revisions first: drop the files on OLD and NEW.</source>
        <translation>Choisissez d’abord les deux indices&#xa0;: déposez les fichiers sur ANCIEN et NOUVEAU.</translation>
    </message>
    <message>
        <source>Only interrupted or cancelled comparisons can be resumed.</source>
        <translation>Seules les comparaisons interrompues ou annulées peuvent être reprises.</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>Comparaison impossible</translation>
    </message>
    <message>
        <source>Not compared: %1 needs its password.</source>
        <translation>Non comparé&#xa0;: %1 a besoin de son mot de passe.</translation>
    </message>
    <message>
        <source>Cannot Resume</source>
        <translation>Reprise impossible</translation>
    </message>
    <message>
        <source>These files were compared before with the same settings: continuing that job.</source>
        <translation>Ces fichiers ont déjà été comparés avec les mêmes paramètres&#xa0;: reprise de cette comparaison.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulée.</translation>
    </message>
    <message>
        <source>Cancelled. Resume it from the history to finish it.</source>
        <translation>Annulée. Reprenez-la depuis l’historique pour la terminer.</translation>
    </message>
    <message>
        <source>%1 in %2 s.</source>
        <translation>%1 en %2 s.</translation>
    </message>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Cette comparaison n’est plus dans l’historique.</translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <source>Drop two revisions of a drawing set above and press Compare.</source>
        <translation>Déposez ci-dessus deux indices d’un jeu de plans et cliquez sur Comparer.</translation>
    </message>
    <message>
        <source>Comparison deleted.</source>
        <translation>Comparaison supprimée.</translation>
    </message>
    <message>
        <source>Comparison Running</source>
        <translation>Comparaison en cours</translation>
    </message>
    <message>
        <source>A comparison is running. Stop it and quit? It stays in the history and can be resumed.</source>
        <translation>Une comparaison est en cours. L’arrêter et quitter&#xa0;? Elle reste dans l’historique et peut être reprise.</translation>
    </message>
    <message>
        <source>The ignore areas apply the next time this sheet is compared.</source>
        <translation>Les zones ignorées s’appliqueront à la prochaine comparaison de ce plan.</translation>
    </message>
    <message>
        <source>Wait for the running comparison to finish.</source>
        <translation>Attendez la fin de la comparaison en cours.</translation>
    </message>
    <message>
        <source>Run on &amp;Server</source>
        <translation>Exécuter sur le ser&amp;veur</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Return</source>
        <translation>Ctrl+Shift+Return</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Enter</source>
        <translation>Ctrl+Shift+Enter</translation>
    </message>
    <message>
        <source>S&amp;ync with Server Now</source>
        <translation>S&amp;ynchroniser avec le serveur maintenant</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <source>No job server is set up: enter its address and your token in Settings.</source>
        <translation>Aucun serveur de traitement n’est configuré : saisissez son adresse et votre jeton dans les Paramètres.</translation>
    </message>
    <message>
        <source>Cannot Run on Server</source>
        <translation>Impossible d’exécuter sur le serveur</translation>
    </message>
    <message>
        <source>The job server cannot be reached: the comparison waits and is sent when it can.</source>
        <translation>Le serveur de traitement est injoignable : la comparaison attend et sera envoyée dès que possible.</translation>
    </message>
    <message>
        <source>Sending the comparison to the job server…</source>
        <translation>Envoi de la comparaison au serveur de traitement…</translation>
    </message>
    <message>
        <source>Cannot Push</source>
        <translation>Envoi impossible</translation>
    </message>
    <message>
        <source>The job server cannot be reached: the comparison is sent when it can.</source>
        <translation>Le serveur de traitement est injoignable : la comparaison sera envoyée dès que possible.</translation>
    </message>
    <message>
        <source>%1 on the job server.</source>
        <translation>%1 sur le serveur de traitement.</translation>
    </message>
    <message>
        <source>The history cannot be opened: %1</source>
        <translation>Impossible d’ouvrir l’historique : %1</translation>
    </message>
    <message>
        <source>Started a fresh history; the damaged one is kept as %1</source>
        <translation>Nouvel historique commencé ; l’ancien, endommagé, est conservé sous %1</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Reading the revisions of %1 and %2 from their title blocks…</source>
        <translation>Lecture des révisions de %1 et %2 dans leurs cartouches…</translation>
    </message>
</context>
<context>
    <name>bt::ui::NewerSetDialog</name>
    <message>
        <source>Which is the newer set?</source>
        <translation>Quel jeu est le plus récent ?</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Which is the newer set?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The title blocks do not say which of these two sets is the later revision. Choose the set that becomes NEW; the other one becomes OLD.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Quel jeu est le plus récent ?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Les cartouches n’indiquent pas lequel de ces deux jeux est la révision la plus récente. Choisissez le jeu qui devient NOUVEAU ; l’autre devient ANCIEN.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;File date: %2&lt;br&gt;Title blocks: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Date du fichier : %2&lt;br&gt;Cartouches : %3</translation>
    </message>
    <message>
        <source>Suggested by the file dates: %1 is newer.</source>
        <translation>D’après les dates des fichiers : %1 est plus récent.</translation>
    </message>
    <message>
        <source>NEW is %1</source>
        <translation>NOUVEAU : %1</translation>
    </message>
</context>
<context>
    <name>bt::ui::OverlayViewer</name>
    <message>
        <source>Clarify</source>
        <translation>À clarifier</translation>
    </message>
    <message>
        <source>Alignment warning</source>
        <translation>Avertissement d’alignement</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Selecting a change zooms onto it. N and P go to the next and previous change.</source>
        <translation>Sélectionner une modification zoome dessus. N et P passent à la modification suivante et précédente.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Viewer tools</source>
        <translation>Outils de la visionneuse</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Superposition</translation>
    </message>
    <message>
        <source>Overlay: unchanged grey, removed and added in colour</source>
        <translation>Superposition&#xa0;: inchangé en gris, supprimé et ajouté en couleur</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Ancien</translation>
    </message>
    <message>
        <source>The old sheet, aligned onto the new one</source>
        <translation>L’ancien plan, aligné sur le nouveau</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>The new sheet</source>
        <translation>Le nouveau plan</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Old and new side by side, zoomed and panned together</source>
        <translation>Ancien et nouveau côte à côte, zoomés et déplacés ensemble</translation>
    </message>
    <message>
        <source>Swipe</source>
        <translation>Balayage</translation>
    </message>
    <message>
        <source>Old left of the swipe line, new right of it</source>
        <translation>Ancien à gauche de la ligne de balayage, nouveau à droite</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Page entière</translation>
    </message>
    <message>
        <source>Fit the whole sheet</source>
        <translation>Ajuster au plan entier</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <source>Fit the sheet&apos;s width</source>
        <translation>Ajuster à la largeur du plan</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Actual pixels</source>
        <translation>Pixels réels</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Show removed ink (overlay)</source>
        <translation>Afficher le trait supprimé (superposition)</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Show added ink (overlay)</source>
        <translation>Afficher le trait ajouté (superposition)</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <source>Overlay opacity</source>
        <translation>Opacité de la superposition</translation>
    </message>
    <message>
        <source>Overlay over the new sheet: fade it to see the new drawing through it</source>
        <translation>Superposition sur le nouveau plan&#xa0;: atténuez-la pour voir le nouveau dessin au travers</translation>
    </message>
    <message>
        <source>Swipe position</source>
        <translation>Position du balayage</translation>
    </message>
    <message>
        <source>Where the old sheet ends and the new one begins (the line can be dragged too)</source>
        <translation>Où l’ancien plan s’arrête et où le nouveau commence (la ligne peut aussi être déplacée)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédente</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>Modification précédente</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivante</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>Modification suivante</translation>
    </message>
    <message>
        <source>Ignore area</source>
        <translation>Ignorer une zone</translation>
    </message>
    <message>
        <source>Draw a rectangle on the sheet to leave that area (a revision block, a date stamp) out of every comparison of this drawing number; Shift+drag does the same</source>
        <translation>Tracez un rectangle sur le plan pour exclure cette zone (un cartouche des indices, un tampon de date) de toute comparaison de ce numéro de plan&#xa0;; Maj+glisser fait de même</translation>
    </message>
    <message>
        <source>Sheet history</source>
        <translation>Historique du plan</translation>
    </message>
    <message>
        <source>Earlier comparisons of this sheet</source>
        <translation>Comparaisons précédentes de ce plan</translation>
    </message>
    <message>
        <source>Earlier comparisons of this drawing number: open one</source>
        <translation>Comparaisons précédentes de ce numéro de plan&#xa0;: en ouvrir une</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Mark the selected change open again</source>
        <translation>Marquer à nouveau la modification sélectionnée comme ouverte</translation>
    </message>
    <message>
        <source>Accept the selected change</source>
        <translation>Accepter la modification sélectionnée</translation>
    </message>
    <message>
        <source>Reject the selected change</source>
        <translation>Rejeter la modification sélectionnée</translation>
    </message>
    <message>
        <source>The selected change needs clarification</source>
        <translation>La modification sélectionnée est à clarifier</translation>
    </message>
    <message>
        <source>Comment on the selected change</source>
        <translation>Commentaire sur la modification sélectionnée</translation>
    </message>
    <message>
        <source>The comparison of this sheet failed (%1); the colours come from the renders alone.</source>
        <translation>La comparaison de ce plan a échoué (%1)&#xa0;; les couleurs proviennent uniquement des rendus.</translation>
    </message>
    <message>
        <source>This sheet is still being compared; the colours come from the renders alone.</source>
        <translation>Ce plan est encore en cours de comparaison&#xa0;; les couleurs proviennent uniquement des rendus.</translation>
    </message>
    <message>
        <source>This sheet has no overlay image; the colours come from the renders alone.</source>
        <translation>Ce plan n’a pas d’image de superposition&#xa0;; les couleurs proviennent uniquement des rendus.</translation>
    </message>
    <message>
        <source>The overlay %1 is missing; the colours come from the renders alone.</source>
        <translation>La superposition %1 est absente&#xa0;; les couleurs proviennent uniquement des rendus.</translation>
    </message>
    <message>
        <source>No sheet selected.</source>
        <translation>Aucun plan sélectionné.</translation>
    </message>
    <message>
        <source>Loading the overlay…</source>
        <translation>Chargement de la superposition…</translation>
    </message>
    <message>
        <source>This sheet is not in the old set.</source>
        <translation>Ce plan n’est pas dans l’ancien jeu.</translation>
    </message>
    <message>
        <source>Rendering the old sheet…</source>
        <translation>Rendu de l’ancien plan…</translation>
    </message>
    <message>
        <source>This sheet is not in the new set.</source>
        <translation>Ce plan n’est pas dans le nouveau jeu.</translation>
    </message>
    <message>
        <source>Rendering the new sheet…</source>
        <translation>Rendu du nouveau plan…</translation>
    </message>
    <message>
        <source>Overlay of the old and new sheet</source>
        <translation>Superposition de l’ancien et du nouveau plan</translation>
    </message>
    <message>
        <source>Old sheet</source>
        <translation>Ancien plan</translation>
    </message>
    <message>
        <source>New sheet</source>
        <translation>Nouveau plan</translation>
    </message>
    <message>
        <source>Old and new sheet, swiped</source>
        <translation>Ancien et nouveau plan, en balayage</translation>
    </message>
    <message>
        <source>⚠ Alignment warning: %1. Colours and clouds may be misplaced; check the changes against the Old and New views.</source>
        <translation>⚠ Avertissement d’alignement&#xa0;: %1. Les couleurs et les nuages peuvent être décalés&#xa0;; vérifiez les modifications dans les vues Ancien et Nouveau.</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorée</translation>
    </message>
    <message>
        <source>Stop Ignoring This Area</source>
        <translation>Ne plus ignorer cette zone</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 → %3 · %4</source>
        <translation>%1 · %2 → %3 · %4</translation>
    </message>
    <message>
        <source> (shown)</source>
        <translation> (affichée)</translation>
    </message>
    <message>
        <source>Sheet history (%1)</source>
        <translation>Historique du plan (%1)</translation>
    </message>
    <message>
        <source>Tint</source>
        <translation>Teinte</translation>
    </message>
    <message>
        <source>Layer tint: the whole old sheet in the removed colour, the whole new sheet in the added colour, laid over each other (what both have is dark)</source>
        <translation>Calques teintés : tout l’ancien plan dans la couleur du supprimé, tout le nouveau dans celle de l’ajouté, superposés (ce que les deux ont est foncé)</translation>
    </message>
    <message>
        <source>Old tinted as removed, new as added; dark where both agree</source>
        <translation>Ancien teinté comme supprimé, nouveau comme ajouté ; foncé là où les deux concordent</translation>
    </message>
    <message>
        <source>Old and new sheet, each tinted</source>
        <translation>Ancien et nouveau plan, chacun teinté</translation>
    </message>
    <message>
        <source>Added in NEW: this sheet is not in the old set</source>
        <translation>Ajouté dans NOUVEAU&#xa0;: cette planche n’est pas dans l’ancien jeu</translation>
    </message>
    <message>
        <source>Removed from OLD: this sheet is not in the new set</source>
        <translation>Supprimé d’ANCIEN&#xa0;: cette planche n’est pas dans le nouveau jeu</translation>
    </message>
</context>
<context>
    <name>bt::ui::PageCard</name>
    <message>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Sheet %1</source>
        <translation>Plan %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Added: only in NEW (page %1)</source>
        <translation>Ajouté&#xa0;: uniquement dans NOUVEAU (page %1)</translation>
    </message>
    <message>
        <source>Removed: only in OLD (page %1)</source>
        <translation>Supprimé&#xa0;: uniquement dans ANCIEN (page %1)</translation>
    </message>
    <message>
        <source>Matched · page moved from %1 to %2</source>
        <translation>Apparié · page déplacée de %1 à %2</translation>
    </message>
    <message>
        <source>Matched · page %1</source>
        <translation>Apparié · page %1</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>essai %1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 stage</source>
        <translation>Étape %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Sheet added</source>
        <translation>Plan ajouté</translation>
    </message>
    <message>
        <source>Sheet removed</source>
        <translation>Plan supprimé</translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation>Non comparé</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Aucune modification</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message>
        <source>Added sheet</source>
        <translation>Plan ajouté</translation>
    </message>
    <message>
        <source>Removed sheet</source>
        <translation>Plan supprimé</translation>
    </message>
    <message>
        <source>No overlay</source>
        <translation>Pas de superposition</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Overlay after the diff</source>
        <translation>Superposition après la comparaison</translation>
    </message>
    <message>
        <source>Sheet %1: %2</source>
        <translation>Plan %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Overlay cannot be read</source>
        <translation>Superposition illisible</translation>
    </message>
    <message>
        <source>Rewritten by the AI model %1 from the list of changes.</source>
        <translation>Réécrit par le modèle d’IA %1 à partir de la liste des modifications.</translation>
    </message>
    <message>
        <source>The program&apos;s own summary: %1</source>
        <translation>Le résumé du programme&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>bt::ui::PageCardList</name>
    <message>
        <source>Sheets</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Drop two revisions of a drawing set above and press Compare.</source>
        <translation>Déposez ci-dessus deux indices d’un jeu de plans et cliquez sur Comparer.</translation>
    </message>
    <message>
        <source>No sheet matches this filter.</source>
        <translation>Aucun plan ne correspond à ce filtre.</translation>
    </message>
</context>
<context>
    <name>bt::ui::Print</name>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Cette comparaison n&apos;est plus dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Sheet %1</source>
        <translation>Feuille %1</translation>
    </message>
    <message>
        <source>Drawing comparison report</source>
        <translation>Rapport de comparaison de plans</translation>
    </message>
    <message>
        <source>Print Sheet</source>
        <translation>Imprimer la feuille</translation>
    </message>
    <message>
        <source>Print Report</source>
        <translation>Imprimer le rapport</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Impression annulée.</translation>
    </message>
    <message>
        <source>Cannot print: %1</source>
        <translation>Impossible d&apos;imprimer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>Envoyé à %1.</translation>
    </message>
</context>
<context>
    <name>bt::ui::ProgressRow</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Comparison progress</source>
        <translation>Progression de la comparaison</translation>
    </message>
    <message>
        <source>OCR %1/%2 · Diff %1/%2 · Summary %1/%2</source>
        <translation>OCR %1/%2 · Comparaison %1/%2 · Résumé %1/%2</translation>
    </message>
    <message>
        <source>Stop the comparison (Esc). It stays in the history and can be resumed.</source>
        <translation>Arrêter la comparaison (Échap). Elle reste dans l’historique et peut être reprise.</translation>
    </message>
    <message>
        <source>Opening OLD and NEW…</source>
        <translation>Ouverture d’ANCIEN et de NOUVEAU…</translation>
    </message>
    <message>
        <source>Matching sheets…</source>
        <translation>Appariement des plans…</translation>
    </message>
    <message>
        <source>OCR %1/%4 · Diff %2/%4 · Summary %3/%4</source>
        <translation>OCR %1/%4 · Comparaison %2/%4 · Résumé %3/%4</translation>
    </message>
</context>
<context>
    <name>bt::ui::ProjectDialog</name>
    <message>
        <source>Optional: an image for the report cover</source>
        <translation>Facultatif : une image pour la couverture du rapport</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Project Logo</source>
        <translation>Logo du projet</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>N&amp;uméro :</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Client :</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo :</translation>
    </message>
</context>
<context>
    <name>bt::ui::ProjectSwitcher</name>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projet</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <source>&amp;Edit Project…</source>
        <translation>&amp;Modifier le projet…</translation>
    </message>
    <message>
        <source>Current project</source>
        <translation>Projet actuel</translation>
    </message>
    <message>
        <source>The project new comparisons go into; the history, sheet history and ignore areas are kept per project</source>
        <translation>Le projet où vont les nouvelles comparaisons ; l’historique, l’historique des plans et les zones ignorées sont propres à chaque projet</translation>
    </message>
    <message>
        <source>Start a project: its comparisons, sheet history and ignore areas are its own</source>
        <translation>Créer un projet : ses comparaisons, son historique des plans et ses zones ignorées lui sont propres</translation>
    </message>
    <message>
        <source>Rename the current project or change its number, client and logo</source>
        <translation>Renommer le projet actuel ou changer son numéro, son client et son logo</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;jet :</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message numerus="yes">
        <source>%n comparison(s)</source>
        <translation>
            <numerusform>%n comparaison</numerusform>
            <numerusform>%n comparaisons</numerusform>
        </translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>N° %1</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>The project cannot be added: %1</source>
        <translation>Le projet ne peut pas être ajouté : %1</translation>
    </message>
    <message>
        <source>Edit Project</source>
        <translation>Modifier le projet</translation>
    </message>
    <message>
        <source>The project cannot be changed: %1</source>
        <translation>Le projet ne peut pas être modifié : %1</translation>
    </message>
</context>
<context>
    <name>bt::ui::RecentMenu</name>
    <message>
        <source>&amp;%1  %2 ↔ %3</source>
        <translation>&amp;%1  %2 ↔ %3</translation>
    </message>
    <message>
        <source>Old: %1
New: %2</source>
        <translation>Ancien&#xa0;: %1
Nouveau&#xa0;: %2</translation>
    </message>
    <message>
        <source>No recent comparisons</source>
        <translation>Aucune comparaison récente</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Vider la liste</translation>
    </message>
</context>
<context>
    <name>bt::ui::ReportExportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>Export change list</source>
        <translation>Exporter la liste des modifications</translation>
    </message>
    <message>
        <source>Drawing comparison report</source>
        <translation>Rapport de comparaison de plans</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;All sheets (%1)</source>
        <translation>Tous &amp;les plans (%1)</translation>
    </message>
    <message>
        <source>&amp;Changed sheets only (%1)</source>
        <translation>Plans &amp;modifiés seulement (%1)</translation>
    </message>
    <message>
        <source>&amp;Selected sheets (%1)</source>
        <translation>Plans &amp;sélectionnés (%1)</translation>
    </message>
    <message>
        <source>Sheets:</source>
        <translation>Plans&#xa0;:</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>Resolution of the sheet images. 150 DPI keeps an ARCH D page under 1.5 MB.</source>
        <translation>Résolution des images des plans. À 150 DPI, une page ARCH D reste sous 1,5 Mo.</translation>
    </message>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (tableurs)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>&amp;Image resolution:</source>
        <translation>&amp;Résolution des images&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>F&amp;ichier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Writing the cover…</source>
        <translation>Écriture de la page de garde…</translation>
    </message>
    <message>
        <source>Wrote %1 of %2 parts of %3</source>
        <translation>%1 parties sur %2 de %3 écrites</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Écrit dans %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé&#xa0;: rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Export markups</source>
        <translation>Exporter les annotations</translation>
    </message>
    <message>
        <source>XLSX (Excel, LibreOffice Calc)</source>
        <translation>XLSX (Excel, LibreOffice Calc)</translation>
    </message>
    <message>
        <source>The NEW set with each change as a cloud markup (a PDF annotation that Bluebeam, Acrobat and Okular list); its pages stay as issued.</source>
        <translation>Le jeu NOUVEAU avec chaque modification en nuage d’annotation (une annotation PDF que Bluebeam, Acrobat et Okular listent) ; ses pages restent telles que diffusées.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Parcou&amp;rir…</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projet&#xa0;:</translation>
    </message>
    <message>
        <source>Project &amp;number:</source>
        <translation>&amp;Numéro de projet&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;lient:</source>
        <translation>C&amp;lient&#xa0;:</translation>
    </message>
    <message>
        <source>L&amp;ogo:</source>
        <translation>L&amp;ogo&#xa0;:</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Page de garde</translation>
    </message>
    <message>
        <source>Each sheet at its own size</source>
        <translation>Chaque feuille à sa taille</translation>
    </message>
    <message>
        <source>A3</source>
        <translation>A3</translation>
    </message>
    <message>
        <source>Tabloid (11 × 17 in)</source>
        <translation>Tabloïd (11 × 17 po)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>Shown as dashed grey clouds, struck through</source>
        <translation>En nuages gris en pointillés, barrées</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Omises</translation>
    </message>
    <message>
        <source>Only reviewed changes (accepted, rejected, needs clarification)</source>
        <translation>Seulement les modifications examinées (acceptées, rejetées, à clarifier)</translation>
    </message>
    <message>
        <source>&amp;Rejected changes:</source>
        <translation>Modifications &amp;rejetées&#xa0;:</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>PNG or JPEG file</source>
        <translation>Fichier PNG ou JPEG</translation>
    </message>
    <message>
        <source>Issued &amp;by:</source>
        <translation>Émis &amp;par&#xa0;:</translation>
    </message>
    <message>
        <source>Pa&amp;ges:</source>
        <translation>Pa&amp;ges&#xa0;:</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>bt::ui::ServerIndicator</name>
    <message>
        <source>Server: connecting…</source>
        <translation>Serveur : connexion…</translation>
    </message>
    <message>
        <source>Server: online</source>
        <translation>Serveur : en ligne</translation>
    </message>
    <message>
        <source>Server: offline, retrying</source>
        <translation>Serveur : hors ligne, nouvel essai</translation>
    </message>
    <message>
        <source>Server: token refused</source>
        <translation>Serveur : jeton refusé</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n en attente d’envoi</numerusform>
            <numerusform>%n en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the access token in Settings.</source>
        <translation>Vérifiez le jeton d’accès dans les Paramètres.</translation>
    </message>
</context>
<context>
    <name>bt::ui::SetOrderResolver</name>
    <message>
        <source>revision %1</source>
        <translation>révision %1</translation>
    </message>
    <message>
        <source>dated %1</source>
        <translation>du %1</translation>
    </message>
    <message>
        <source>no revision found</source>
        <translation>aucune révision trouvée</translation>
    </message>
    <message>
        <source>NEW is %1 (title blocks); OLD %2</source>
        <translation>NOUVEAU est %1 (cartouches) ; ANCIEN %2</translation>
    </message>
    <message>
        <source>NEW: %1, OLD: %2 (as chosen: the title blocks do not tell)</source>
        <translation>NOUVEAU : %1, ANCIEN : %2 (selon votre choix : les cartouches ne le disent pas)</translation>
    </message>
</context>
<context>
    <name>bt::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Render resolution. Higher finds smaller changes but takes longer and needs more memory (220 dpi: about 0.5 GB per sheet being compared).</source>
        <translation>Résolution de rendu. Plus elle est élevée, plus les petites modifications sont trouvées, mais le calcul est plus long et demande plus de mémoire (220 dpi&#xa0;: environ 0,5 Go par plan en cours de comparaison).</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Ink that moved less than this distance is not a change.</source>
        <translation>Un trait déplacé de moins que cette distance n’est pas une modification.</translation>
    </message>
    <message>
        <source>Standard (red removed, green added)</source>
        <translation>Standard (supprimé en rouge, ajouté en vert)</translation>
    </message>
    <message>
        <source>Colour-blind safe (vermillion removed, blue added)</source>
        <translation>Adapté aux daltoniens (supprimé en vermillon, ajouté en bleu)</translation>
    </message>
    <message>
        <source>Streaming: each sheet&apos;s results as soon as they are ready</source>
        <translation>Continu&#xa0;: les résultats de chaque plan dès qu’ils sont prêts</translation>
    </message>
    <message>
        <source>Batch: every sheet finishes a stage before the next stage</source>
        <translation>Par lots&#xa0;: chaque étape pour tous les plans avant l’étape suivante</translation>
    </message>
    <message>
        <source>Sheets compared at once. Each needs about 0.5 GB at 220 dpi.</source>
        <translation>Plans comparés en même temps. Chacun demande environ 0,5 Go à 220 dpi.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose the history database</source>
        <translation>Choisir la base de données de l’historique</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>A new language shows after BuildTrace is restarted.</source>
        <translation>Une nouvelle langue s’affiche après le redémarrage de BuildTrace.</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Résolution&#xa0;:</translation>
    </message>
    <message>
        <source>Change &amp;tolerance:</source>
        <translation>&amp;Tolérance de modification&#xa0;:</translation>
    </message>
    <message>
        <source>Overlay &amp;colours:</source>
        <translation>&amp;Couleurs de superposition&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Mode&#xa0;:</translation>
    </message>
    <message>
        <source>Sheets compared at &amp;once:</source>
        <translation>Plans comparés en même tem&amp;ps&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;History database:</source>
        <translation>Base de données de l’&amp;historique&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>In use: %1 (set by $BUILDTRACE_DB).</source>
        <translation>Utilisée&#xa0;: %1 (définie par $BUILDTRACE_DB).</translation>
    </message>
    <message>
        <source>The history cannot move while a comparison is running.</source>
        <translation>L’historique ne peut pas être déplacé pendant une comparaison.</translation>
    </message>
    <message>
        <source>Leave empty for the default location.</source>
        <translation>Laisser vide pour l’emplacement par défaut.</translation>
    </message>
    <message>
        <source>History database</source>
        <translation>Base de données de l’historique</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de données SQLite (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>e.g. http://buildtrace.office:8765</source>
        <translation>p. ex. http://buildtrace.bureau:8765</translation>
    </message>
    <message>
        <source>The team&apos;s BuildTrace job server. Leave empty to work on this computer only.</source>
        <translation>Le serveur de traitement BuildTrace de l’équipe. Laissez vide pour travailler uniquement sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The access token the server&apos;s administrator gave you.</source>
        <translation>Le jeton d’accès que l’administrateur du serveur vous a donné.</translation>
    </message>
    <message>
        <source>Comparisons can run on the server and the team&apos;s comparisons appear in the history. Without a connection everything keeps working here and waits to be sent.</source>
        <translation>Les comparaisons peuvent s’exécuter sur le serveur et celles de l’équipe apparaissent dans l’historique. Sans connexion, tout continue de fonctionner ici et attend d’être envoyé.</translation>
    </message>
    <message>
        <source>Job &amp;server:</source>
        <translation>Ser&amp;veur de traitement&#xa0;:</translation>
    </message>
    <message>
        <source>Access to&amp;ken:</source>
        <translation>&amp;Jeton d’accès&#xa0;:</translation>
    </message>
    <message>
        <source>AI summary (optional)</source>
        <translation>Résumé par IA (facultatif)</translation>
    </message>
    <message>
        <source>Re&amp;write sheet summaries with an AI model</source>
        <translation>Réécrire les ré&amp;sumés des plans avec un modèle d’IA</translation>
    </message>
    <message>
        <source>Each changed sheet&apos;s summary is rewritten by the model from the list of changes. If it fails or takes too long, the usual summary is kept.</source>
        <translation>Le résumé de chaque plan modifié est réécrit par le modèle à partir de la liste des modifications. S’il échoue ou tarde trop, le résumé habituel est conservé.</translation>
    </message>
    <message>
        <source>Base URL of an OpenAI-compatible server (…/v1) or its full …/chat/completions URL.</source>
        <translation>URL de base d’un serveur compatible OpenAI (…/v1) ou son URL …/chat/completions complète.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long to wait for each sheet&apos;s rewrite.</source>
        <translation>Durée d’attente de la réécriture de chaque plan.</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>Point d’&amp;accès&#xa0;:</translation>
    </message>
    <message>
        <source>Mo&amp;del:</source>
        <translation>Mo&amp;dèle&#xa0;:</translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation>Clé d’AP&amp;I&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>Délai d’att&amp;ente&#xa0;:</translation>
    </message>
    <message>
        <source>Enter the endpoint&apos;s http:// or https:// address, or turn the AI summary off.</source>
        <translation>Saisissez l’adresse http:// ou https:// du point d’accès, ou désactivez le résumé par IA.</translation>
    </message>
    <message>
        <source>No keyring on this computer (Secret Service, KWallet): the access token and the AI key are stored in the settings file, readable by your user account only.</source>
        <translation>Aucun trousseau sur cet ordinateur (Secret Service, KWallet) : le jeton d’accès et la clé d’IA sont enregistrés dans le fichier de paramètres, lisible par votre seul compte utilisateur.</translation>
    </message>
    <message>
        <source>Sent as a bearer token.</source>
        <translation>Envoyée comme jeton Bearer.</translation>
    </message>
    <message>
        <source>Only the list of changes and the summary text are sent, never the drawings.</source>
        <translation>Seuls la liste des modifications et le texte du résumé sont envoyés, jamais les plans.</translation>
    </message>
    <message>
        <source>Shown with your reviews and comments, also to the team on the job server.</source>
        <translation>Affiché avec vos revues et commentaires, y compris pour l’équipe sur le serveur de traitement.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom&#xa0;:</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetLoader</name>
    <message>
        <source>The overlay %1 could not be read (%2).</source>
        <translation>La superposition %1 n’a pas pu être lue (%2).</translation>
    </message>
    <message>
        <source>The overlay %1 is not a palette image written by BuildTrace.</source>
        <translation>La superposition %1 n’est pas une image à palette écrite par BuildTrace.</translation>
    </message>
    <message>
        <source>%1 has no page %2.</source>
        <translation>%1 n’a pas de page %2.</translation>
    </message>
    <message>
        <source>Page %1 of %2 could not be rendered (%3).</source>
        <translation>La page %1 de %2 n’a pas pu être rendue (%3).</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetModel</name>
    <message>
        <source>%1 of %2 reviewed</source>
        <translation>%1 sur %2 revues</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Architectural</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Structural</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Mechanical</source>
        <translation>CVC (mécanique)</translation>
    </message>
    <message>
        <source>Electrical</source>
        <translation>Électricité</translation>
    </message>
    <message>
        <source>Plumbing</source>
        <translation>Plomberie</translation>
    </message>
    <message>
        <source>Civil</source>
        <translation>Génie civil</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <source>Fire protection</source>
        <translation>Protection incendie</translation>
    </message>
    <message>
        <source>Interiors</source>
        <translation>Aménagement intérieur</translation>
    </message>
    <message>
        <source>Telecom</source>
        <translation>Télécommunications</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Comparaison…</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revu</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetPairing</name>
    <message>
        <source>Cannot Change the Sheets</source>
        <translation>Impossible de modifier les feuilles</translation>
    </message>
    <message>
        <source>Unnumbered sheet</source>
        <translation>Feuille sans numéro</translation>
    </message>
    <message>
        <source>(old page %1)</source>
        <translation>(ancienne page %1)</translation>
    </message>
    <message>
        <source>(new page %1)</source>
        <translation>(nouvelle page %1)</translation>
    </message>
    <message>
        <source>&amp;Unpair Sheets</source>
        <translation>&amp;Dissocier les feuilles</translation>
    </message>
    <message>
        <source>These are different drawings: show one as removed and one as added</source>
        <translation>Ce sont des dessins différents : en montrer un comme supprimé et un comme ajouté</translation>
    </message>
    <message>
        <source>&amp;Pair With</source>
        <translation>&amp;Associer à</translation>
    </message>
    <message>
        <source>No sheet of the old set is unpaired</source>
        <translation>Aucune feuille de l&apos;ancien jeu n&apos;est sans paire</translation>
    </message>
    <message>
        <source>No sheet of the new set is unpaired</source>
        <translation>Aucune feuille du nouveau jeu n&apos;est sans paire</translation>
    </message>
    <message>
        <source>Pair Sheets</source>
        <translation>Associer des feuilles</translation>
    </message>
    <message>
        <source>Sheets can be paired once the running comparison has finished, and only in comparisons made on this computer.</source>
        <translation>Les feuilles peuvent être associées une fois la comparaison en cours terminée, et seulement dans les comparaisons faites sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetView</name>
    <message>
        <source>Sheet</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Drag or use the arrow keys to pan; the mouse wheel zooms at the cursor.</source>
        <translation>Faites glisser ou utilisez les flèches pour vous déplacer&#xa0;; la molette zoome à l’emplacement du curseur.</translation>
    </message>
</context>
<context>
    <name>bt::ui::ViewerPage</name>
    <message>
        <source>← Sheets</source>
        <translation>← Plans</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Précédent</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Suivant ›</translation>
    </message>
    <message>
        <source>Back to the sheets (%1)</source>
        <translation>Retour aux plans (%1)</translation>
    </message>
    <message>
        <source>Previous sheet (%1)</source>
        <translation>Plan précédent (%1)</translation>
    </message>
    <message>
        <source>Next sheet (%1)</source>
        <translation>Plan suivant (%1)</translation>
    </message>
    <message>
        <source>Sheet %1 of %2: %3</source>
        <translation>Plan %1 sur %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Aligned by points</source>
        <translation>Aligné par points</translation>
    </message>
    <message>
        <source>Align by Points…</source>
        <translation>Aligner par points…</translation>
    </message>
    <message>
        <source>Pick two points on the old sheet and the same two on the new one; the sheet is aligned by them and compared again</source>
        <translation>Choisissez deux points sur l&apos;ancienne feuille et les deux mêmes sur la nouvelle ; la feuille est alignée sur eux et comparée à nouveau</translation>
    </message>
    <message>
        <source>This sheet is aligned by points the user picked</source>
        <translation>Cette feuille est alignée sur des points choisis par l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Align by Points</source>
        <translation>Aligner par points</translation>
    </message>
    <message>
        <source>The sheet can be aligned once the running comparison has finished.</source>
        <translation>La feuille pourra être alignée une fois la comparaison en cours terminée.</translation>
    </message>
</context>
</TS>
