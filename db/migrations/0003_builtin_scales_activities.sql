-- Custom SQL migration.
-- Built-in reference data: the HoNOS scale (item numbers and neutral short labels only: the
-- descriptors are copyrighted) and a first list of activities per axis, both editable by the admin.
INSERT INTO scales (code, name, items, total, higher_is_better, built_in, active) VALUES ('honos', 'HoNOS', '[{"label": "1. Comportamento", "min": 0, "max": 4, "notKnown": 9}, {"label": "2. Autolesionismo", "min": 0, "max": 4, "notKnown": 9}, {"label": "3. Alcol e sostanze", "min": 0, "max": 4, "notKnown": 9}, {"label": "4. Funzioni cognitive", "min": 0, "max": 4, "notKnown": 9}, {"label": "5. Salute fisica e disabilità", "min": 0, "max": 4, "notKnown": 9}, {"label": "6. Esperienze percettive e convinzioni", "min": 0, "max": 4, "notKnown": 9}, {"label": "7. Umore", "min": 0, "max": 4, "notKnown": 9}, {"label": "8. Altri problemi", "min": 0, "max": 4, "notKnown": 9, "problemTypes": ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]}, {"label": "9. Relazioni", "min": 0, "max": 4, "notKnown": 9}, {"label": "10. Vita quotidiana", "min": 0, "max": 4, "notKnown": 9}, {"label": "11. Condizioni abitative", "min": 0, "max": 4, "notKnown": 9}, {"label": "12. Occupazione e attività", "min": 0, "max": 4, "notKnown": 9}]', '{"kind":"sum"}', 0, 1, 1);
--> statement-breakpoint
INSERT INTO activities (axis, label, active) VALUES ('habitat', 'Accompagnamento all''abitare', 1);
--> statement-breakpoint
INSERT INTO activities (axis, label, active) VALUES ('habitat', 'Supporto alla gestione della casa', 1);
--> statement-breakpoint
INSERT INTO activities (axis, label, active) VALUES ('habitat', 'Ricerca e mantenimento dell''alloggio', 1);
--> statement-breakpoint
INSERT INTO activities (axis, label, active) VALUES ('sociality', 'Attività di socializzazione', 1);
--> statement-breakpoint
INSERT INTO activities (axis, label, active) VALUES ('sociality', 'Accompagnamento sul territorio', 1);
--> statement-breakpoint
INSERT INTO activities (axis, label, active) VALUES ('sociality', 'Supporto alle relazioni familiari', 1);
--> statement-breakpoint
INSERT INTO activities (axis, label, active) VALUES ('work', 'Orientamento e formazione', 1);
--> statement-breakpoint
INSERT INTO activities (axis, label, active) VALUES ('work', 'Tirocinio e inserimento lavorativo', 1);
--> statement-breakpoint
INSERT INTO activities (axis, label, active) VALUES ('work', 'Laboratorio occupazionale', 1);
