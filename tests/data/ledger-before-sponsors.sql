BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'wbpctl','m001_ledger_and_registry','2026-11-29 08:54:12.190073+00:00');
INSERT INTO "_sqlite_migrations" VALUES(2,'wbpctl','m002_verdicts_transfers_revocations','2026-11-29 08:54:12.190920+00:00');
CREATE TABLE absences (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    stay_id INTEGER NOT NULL REFERENCES stays(id),
    kind TEXT NOT NULL,
    left_on TEXT NOT NULL,
    release_type TEXT NOT NULL,
    release_override TEXT,
    to_lapas TEXT,
    returned_on TEXT NOT NULL,
    from_lapas TEXT,
    reason TEXT
);
CREATE TABLE enrolments (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    stay_id INTEGER NOT NULL REFERENCES stays(id),
    track TEXT NOT NULL REFERENCES tracks(code),
    status TEXT NOT NULL,
    requested_on TEXT NOT NULL,
    waitlisted INTEGER NOT NULL DEFAULT 0,
    assigned_on TEXT,
    ended_on TEXT,
    reason TEXT,
    result TEXT,
    hours REAL,
    certificate TEXT,
    sponsor TEXT
);
INSERT INTO "enrolments" VALUES(1,'01a22683-0e6e-7001-9fc3-a0f784e7b429',1,1,'OLAH-MADU','completed','2025-02-01',0,'2025-02-01','2025-05-01',NULL,'pass',40.0,'M-1','Yayasan Peduli Jambi');
INSERT INTO "enrolments" VALUES(2,'01a22683-0ef4-7001-b470-502bdf524f27',2,2,'OLAH-MADU','active','2025-09-10',0,'2025-09-10',NULL,NULL,NULL,NULL,NULL,'yayasan peduli jambi');
INSERT INTO "enrolments" VALUES(3,'01a22683-0f7c-7001-b60f-86be5171f15c',3,3,'KRIYA-DAUR','completed','2024-07-01',0,'2024-07-01','2024-10-01',NULL,'pass',32.0,NULL,'PT Sawit Makmur');
INSERT INTO "enrolments" VALUES(4,'01a22683-0ffc-7001-9621-9fadcbb9b19f',4,4,'IKAN-AIRTAWAR','active','2025-04-01',0,'2025-04-01',NULL,NULL,NULL,NULL,NULL,'CSR Bank Jambi');
INSERT INTO "enrolments" VALUES(5,'01a22683-107d-7001-bac4-91f357b24f43',4,4,'ADMINDUK','completed','2025-04-02',0,'2025-04-02','2025-05-02',NULL,'pass',NULL,NULL,NULL);
INSERT INTO "enrolments" VALUES(6,'01a22683-158a-7001-beb9-70d9fd00a94f',3,5,'KRIYA-DAUR','active','2026-11-05',0,'2026-11-05',NULL,NULL,NULL,NULL,NULL,'PT Sawit Makmur');
CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    lapas TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    payload TEXT NOT NULL,
    batch TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO "events" VALUES(1,'01a22683-0bdf-7001-9f8c-0a1e146cf2d3','2026-11-29T08:54:12.191278+00:00','fixture','KTL','catalog.synced','catalog','{"opds":[{"code":"DISBUNNAK","name":"Dinas Perkebunan dan Peternakan"},{"code":"DTPH","name":"Dinas Tanaman Pangan dan Hortikultura"},{"code":"DISKAN","name":"Dinas Perikanan"},{"code":"DISDUKCAPIL","name":"Dinas Kependudukan dan Pencatatan Sipil"},{"code":"DISKOPERINDAG","name":"Dinas Koperasi, UKM, Perindustrian dan Perdagangan"},{"code":"DISNAKER","name":"Dinas Tenaga Kerja"},{"code":"DINKES","name":"Dinas Kesehatan"},{"code":"LAPAS","name":"Lapas / Bapas"}],"tracks":[{"capacity":20,"code":"BUN-UNGGUL","kind":"training","name":"Budidaya tanaman perkebunan unggulan","opd":"DISBUNNAK","pembinaan":"kemandirian","phase":"custody"},{"capacity":20,"code":"NAK-TERNAK","kind":"training","name":"Beternak kambing","opd":"DISBUNNAK","pembinaan":"kemandirian","phase":"custody"},{"capacity":20,"code":"HORT-ORGANIK","kind":"training","name":"Sayuran organik","opd":"DTPH","pembinaan":"kemandirian","phase":"custody"},{"capacity":20,"code":"IKAN-AIRTAWAR","kind":"training","name":"Budidaya ikan air tawar","opd":"DISKAN","pembinaan":"kemandirian","phase":"custody"},{"capacity":20,"code":"ADMINDUK","kind":"service","name":"KTP-el, KK dan akta sebelum bebas","opd":"DISDUKCAPIL","pembinaan":"kepribadian","phase":"custody"},{"capacity":20,"code":"OLAH-MADU","kind":"training","name":"Pengolahan madu hutan","opd":"DISKOPERINDAG","pembinaan":"kemandirian","phase":"custody"},{"capacity":20,"code":"KRIYA-DAUR","kind":"training","name":"Kerajinan bahan daur ulang","opd":"DISKOPERINDAG","pembinaan":"kemandirian","phase":"custody"},{"capacity":20,"code":"PASAR-KOP","kind":"service","name":"Pemasaran produk lewat koperasi","opd":"DISKOPERINDAG","pembinaan":"kemandirian","phase":"any"},{"capacity":20,"code":"SALUR-KERJA","kind":"service","name":"Penyaluran lowongan kerja","opd":"DISNAKER","pembinaan":"kemandirian","phase":"post-release"},{"capacity":20,"code":"KES-PREVENTIF","kind":"service","name":"Layanan kesehatan preventif","opd":"DINKES","pembinaan":"kepribadian","phase":"any"},{"capacity":20,"code":"KONSELING-KELUARGA","kind":"service","name":"Konseling keluarga","opd":"LAPAS","pembinaan":"kepribadian","phase":"post-release"},{"capacity":20,"code":"MENTOR-KOMUNITAS","kind":"service","name":"Mentoring komunitas","opd":"LAPAS","pembinaan":"kepribadian","phase":"post-release"}]}',NULL,'0000000000000000000000000000000000000000000000000000000000000000','2d12fe4154055b55a38f677e603cb72ce0835788684b359e8aea80c9c4cad099');
INSERT INTO "events" VALUES(2,'01a22683-0c69-7002-8b7c-c0a603f2a23a','2026-11-29T08:54:12.329359+00:00','fixture','KTL','person.registered','01a22683-0c68-7001-9768-d7d748a555bb','{"birth_date":"1990-03-12","gender":"L","name":"Budi Santoso","nik":"1506041203900001","uid":"01a22683-0c68-7001-9768-d7d748a555bb"}',NULL,'2d12fe4154055b55a38f677e603cb72ce0835788684b359e8aea80c9c4cad099','ca06a110e045f0acd607ab5c300df11f036d37cf407bd2a964761ce064c49e85');
INSERT INTO "events" VALUES(3,'01a22683-0c69-7003-b1d1-f4f987160fef','2026-11-29T08:54:12.329359+00:00','fixture','KTL','stay.admitted','01a22683-0c68-7001-9768-d7d748a555bb','{"admitted_on":"2025-01-10","crime":"pencurian","detained_on":"2025-01-10","fine_substitute":false,"lapas":"KTL","person":"01a22683-0c68-7001-9768-d7d748a555bb","reg_seq":1,"reg_year":2025,"register_class":"B.I","sentence":{"days":0,"death":false,"life":false,"months":0,"years":2},"uid":"01a22683-0c69-7001-96a3-b47295c5f1db"}',NULL,'ca06a110e045f0acd607ab5c300df11f036d37cf407bd2a964761ce064c49e85','a011d1e509c2f7d99616023342538d3a4622df21850a0489e9c11881637fa581');
INSERT INTO "events" VALUES(4,'01a22683-0cec-7001-aaaf-5203829c7696','2026-11-29T08:54:12.459986+00:00','fixture','KTL','person.registered','01a22683-0ceb-7001-9263-5d39811027e8','{"birth_date":null,"gender":null,"name":"Siti Aminah","nik":null,"uid":"01a22683-0ceb-7001-9263-5d39811027e8"}',NULL,'a011d1e509c2f7d99616023342538d3a4622df21850a0489e9c11881637fa581','1ac9212aec786c85e839f9f7e7009075b140d6b4c913c384b6206c5bef856b9c');
INSERT INTO "events" VALUES(5,'01a22683-0cec-7002-b20c-07b7de07cbe1','2026-11-29T08:54:12.459986+00:00','fixture','KTL','stay.admitted','01a22683-0ceb-7001-9263-5d39811027e8','{"admitted_on":"2025-09-01","crime":"penipuan","detained_on":"2025-09-01","fine_substitute":false,"lapas":"KTL","person":"01a22683-0ceb-7001-9263-5d39811027e8","reg_seq":2,"reg_year":2025,"register_class":"B.IIa","sentence":{"days":0,"death":false,"life":false,"months":10,"years":0},"uid":"01a22683-0ceb-7002-846e-4884a13c09fb"}',NULL,'1ac9212aec786c85e839f9f7e7009075b140d6b4c913c384b6206c5bef856b9c','90171d97a9dce2bed24571c43ac2db80ff15432e5f824254243048df5d00512c');
INSERT INTO "events" VALUES(6,'01a22683-0d6d-7002-bb57-1e5923b9c229','2026-11-29T08:54:12.589616+00:00','fixture','KTL','person.registered','01a22683-0d6c-7001-b6e2-c2089e2262f3','{"birth_date":null,"gender":null,"name":"Agus Pratama","nik":null,"uid":"01a22683-0d6c-7001-b6e2-c2089e2262f3"}',NULL,'90171d97a9dce2bed24571c43ac2db80ff15432e5f824254243048df5d00512c','54523a1864c75cb8b05b00d0df31664ae6b0054103b8b49a3432b4a6ca21f108');
INSERT INTO "events" VALUES(7,'01a22683-0d6d-7003-b76d-4cf3856fccb5','2026-11-29T08:54:12.589616+00:00','fixture','KTL','stay.admitted','01a22683-0d6c-7001-b6e2-c2089e2262f3','{"admitted_on":"2024-06-01","crime":"narkotika","detained_on":"2024-06-01","fine_substitute":false,"lapas":"KTL","person":"01a22683-0d6c-7001-b6e2-c2089e2262f3","reg_seq":3,"reg_year":2025,"register_class":"B.I","sentence":{"days":0,"death":false,"life":false,"months":6,"years":2},"uid":"01a22683-0d6d-7001-bb57-bbbf74044d2c"}',NULL,'54523a1864c75cb8b05b00d0df31664ae6b0054103b8b49a3432b4a6ca21f108','51b9e0f6c706c217b6b32df88b5c94d72987329b5925aa4e13dbe418fc8585a8');
INSERT INTO "events" VALUES(8,'01a22683-0dea-7002-9a94-8670bb7368e7','2026-11-29T08:54:12.714430+00:00','fixture','KTL','person.registered','01a22683-0de9-7001-ae5f-4e25d8d48ecf','{"birth_date":null,"gender":null,"name":"Dewi Lestari","nik":null,"uid":"01a22683-0de9-7001-ae5f-4e25d8d48ecf"}',NULL,'51b9e0f6c706c217b6b32df88b5c94d72987329b5925aa4e13dbe418fc8585a8','1c9786b4d418faed51ff2e1d3c1ed22bc98c63a4b01f78187d04fea101bfaa26');
INSERT INTO "events" VALUES(9,'01a22683-0dea-7003-8f68-1e8b771bde1d','2026-11-29T08:54:12.714430+00:00','fixture','KTL','stay.admitted','01a22683-0de9-7001-ae5f-4e25d8d48ecf','{"admitted_on":"2025-03-01","crime":"penggelapan","detained_on":"2025-03-01","fine_substitute":false,"lapas":"KTL","person":"01a22683-0de9-7001-ae5f-4e25d8d48ecf","reg_seq":4,"reg_year":2025,"register_class":"B.I","sentence":{"days":0,"death":false,"life":false,"months":0,"years":3},"uid":"01a22683-0dea-7001-8c66-9d299dd6be49"}',NULL,'1c9786b4d418faed51ff2e1d3c1ed22bc98c63a4b01f78187d04fea101bfaa26','c67877610c3645af239318055cfad5b0d9d7b5aa0f05b9ab42fc8711fe4906c9');
INSERT INTO "events" VALUES(10,'01a22683-0e6e-7002-8487-43057798e6d5','2026-11-29T08:54:12.846099+00:00','fixture','KTL','enrolment.assigned','01a22683-0c68-7001-9768-d7d748a555bb','{"on":"2025-02-01","person":"01a22683-0c68-7001-9768-d7d748a555bb","sponsor":"Yayasan Peduli Jambi","stay":"01a22683-0c69-7001-96a3-b47295c5f1db","track":"OLAH-MADU","uid":"01a22683-0e6e-7001-9fc3-a0f784e7b429"}',NULL,'c67877610c3645af239318055cfad5b0d9d7b5aa0f05b9ab42fc8711fe4906c9','5df9a12b5fa2a34b4ca90a036a26e0bce1d17697b574c6d8d58c1957b0470f6a');
INSERT INTO "events" VALUES(11,'01a22683-0ef4-7002-968a-043e7b6113fb','2026-11-29T08:54:12.980600+00:00','fixture','KTL','enrolment.assigned','01a22683-0ceb-7001-9263-5d39811027e8','{"on":"2025-09-10","person":"01a22683-0ceb-7001-9263-5d39811027e8","sponsor":"yayasan peduli jambi","stay":"01a22683-0ceb-7002-846e-4884a13c09fb","track":"OLAH-MADU","uid":"01a22683-0ef4-7001-b470-502bdf524f27"}',NULL,'5df9a12b5fa2a34b4ca90a036a26e0bce1d17697b574c6d8d58c1957b0470f6a','8da991d0121c31d4f5bbfe64479eec6ab457dab6c154a4fdd7fd53c4bf0b6590');
INSERT INTO "events" VALUES(12,'01a22683-0f7c-7002-b768-57a9f486db2b','2026-11-29T08:54:13.116358+00:00','fixture','KTL','enrolment.assigned','01a22683-0d6c-7001-b6e2-c2089e2262f3','{"on":"2024-07-01","person":"01a22683-0d6c-7001-b6e2-c2089e2262f3","sponsor":"PT Sawit Makmur","stay":"01a22683-0d6d-7001-bb57-bbbf74044d2c","track":"KRIYA-DAUR","uid":"01a22683-0f7c-7001-b60f-86be5171f15c"}',NULL,'8da991d0121c31d4f5bbfe64479eec6ab457dab6c154a4fdd7fd53c4bf0b6590','8b48d47c7acb4e7dd65f3a44156c34ccebe18c355b6097df91f6bde7c0f09899');
INSERT INTO "events" VALUES(13,'01a22683-0ffd-7001-9248-f6dcda2cac7d','2026-11-29T08:54:13.245042+00:00','fixture','KTL','enrolment.assigned','01a22683-0de9-7001-ae5f-4e25d8d48ecf','{"on":"2025-04-01","person":"01a22683-0de9-7001-ae5f-4e25d8d48ecf","sponsor":"Bank X","stay":"01a22683-0dea-7001-8c66-9d299dd6be49","track":"IKAN-AIRTAWAR","uid":"01a22683-0ffc-7001-9621-9fadcbb9b19f"}',NULL,'8b48d47c7acb4e7dd65f3a44156c34ccebe18c355b6097df91f6bde7c0f09899','cbbc9fabce5d7754e751b5781702e403883dd8eaccb8955596a211694bfd4c60');
INSERT INTO "events" VALUES(14,'01a22683-107d-7002-b523-b137af11f5b6','2026-11-29T08:54:13.373645+00:00','fixture','KTL','enrolment.assigned','01a22683-0de9-7001-ae5f-4e25d8d48ecf','{"on":"2025-04-02","person":"01a22683-0de9-7001-ae5f-4e25d8d48ecf","sponsor":null,"stay":"01a22683-0dea-7001-8c66-9d299dd6be49","track":"ADMINDUK","uid":"01a22683-107d-7001-bac4-91f357b24f43"}',NULL,'cbbc9fabce5d7754e751b5781702e403883dd8eaccb8955596a211694bfd4c60','c653cf60ae727428ce24ae52089f8f2a7b0634e6ea2d8dc790638f0b639b94f7');
INSERT INTO "events" VALUES(15,'01a22683-10fc-7001-b3b0-fb941e23c915','2026-11-29T08:54:13.500668+00:00','fixture','KTL','enrolment.corrected','01a22683-0de9-7001-ae5f-4e25d8d48ecf','{"changes":{"sponsor":"CSR Bank Jambi"},"track":"IKAN-AIRTAWAR","uid":"01a22683-0ffc-7001-9621-9fadcbb9b19f"}',NULL,'c653cf60ae727428ce24ae52089f8f2a7b0634e6ea2d8dc790638f0b639b94f7','87260994950bd794fe7f0622788fda4c90c177425268553b6956d0ac027f61e6');
INSERT INTO "events" VALUES(16,'01a22683-117a-7001-ac6a-ae5c758caf94','2026-11-29T08:54:13.626850+00:00','fixture','KTL','enrolment.completed','01a22683-0c68-7001-9768-d7d748a555bb','{"certificate":"M-1","hours":40.0,"on":"2025-05-01","result":"pass","track":"OLAH-MADU","uid":"01a22683-0e6e-7001-9fc3-a0f784e7b429"}',NULL,'87260994950bd794fe7f0622788fda4c90c177425268553b6956d0ac027f61e6','7c0c567cf6d7f527bc6e7cb2feb7987403741cbe620bff223f8ade570b4de1c5');
INSERT INTO "events" VALUES(17,'01a22683-11f9-7001-9830-12a8d43fe3ee','2026-11-29T08:54:13.752996+00:00','fixture','KTL','enrolment.completed','01a22683-0d6c-7001-b6e2-c2089e2262f3','{"certificate":null,"hours":32.0,"on":"2024-10-01","result":"pass","track":"KRIYA-DAUR","uid":"01a22683-0f7c-7001-b60f-86be5171f15c"}',NULL,'7c0c567cf6d7f527bc6e7cb2feb7987403741cbe620bff223f8ade570b4de1c5','e4b42222c8ceefa080972467139f86c10a1ccdcf17f9b5ea6ff1c4faac954dda');
INSERT INTO "events" VALUES(18,'01a22683-127b-7001-801e-64b6a92c5c53','2026-11-29T08:54:13.883206+00:00','fixture','KTL','enrolment.completed','01a22683-0de9-7001-ae5f-4e25d8d48ecf','{"certificate":null,"hours":null,"on":"2025-05-02","result":"pass","track":"ADMINDUK","uid":"01a22683-107d-7001-bac4-91f357b24f43"}',NULL,'e4b42222c8ceefa080972467139f86c10a1ccdcf17f9b5ea6ff1c4faac954dda','292a72229f73f56a90ea04125dbef69cd93cd659a1fd16793b8e13489aeb7eea');
INSERT INTO "events" VALUES(19,'01a22683-1400-7002-b326-eecf575d04ba','2026-11-29T08:54:14.272849+00:00','fixture','KTL','remission.granted','01a22683-0d6c-7001-b6e2-c2089e2262f3','{"days":60,"kind":"RU","on":"2025-08-17","stay":"01a22683-0d6d-7001-bb57-bbbf74044d2c","uid":"01a22683-1400-7001-9ad4-79f7c37cad6f"}',NULL,'292a72229f73f56a90ea04125dbef69cd93cd659a1fd16793b8e13489aeb7eea','8453657fd30861065cfcb0a61f63955ccae73f074ab84751e5502ceada8ed119');
INSERT INTO "events" VALUES(20,'01a22683-1482-7001-b720-606e844a853a','2026-11-29T08:54:14.402031+00:00','fixture','KTL','stay.released','01a22683-0d6c-7001-b6e2-c2089e2262f3','{"on":"2026-10-02","override":"grasi","type":"ekspirasi","uid":"01a22683-0d6d-7001-bb57-bbbf74044d2c"}',NULL,'8453657fd30861065cfcb0a61f63955ccae73f074ab84751e5502ceada8ed119','c7e08c22da2a41266d95fae0b1131a248eaefbdcf85570a8059cae619e436350');
INSERT INTO "events" VALUES(21,'01a22683-1503-7002-846d-e87c3fecdb5a','2026-11-29T08:54:14.531900+00:00','fixture','KTL','stay.admitted','01a22683-0d6c-7001-b6e2-c2089e2262f3','{"admitted_on":"2026-11-01","crime":null,"detained_on":"2026-11-01","fine_substitute":false,"lapas":"KTL","person":"01a22683-0d6c-7001-b6e2-c2089e2262f3","reg_seq":9,"reg_year":2026,"register_class":"B.I","sentence":{"days":0,"death":false,"life":false,"months":6,"years":1},"uid":"01a22683-1503-7001-8769-5bb732078a0e"}',NULL,'c7e08c22da2a41266d95fae0b1131a248eaefbdcf85570a8059cae619e436350','2683cc59361b1c81d725e3ef12cf0959412ba346c5bb8088f365c957743ab3ff');
INSERT INTO "events" VALUES(22,'01a22683-158a-7002-8823-e5808559262b','2026-11-29T08:54:14.666724+00:00','fixture','KTL','enrolment.assigned','01a22683-0d6c-7001-b6e2-c2089e2262f3','{"on":"2026-11-05","person":"01a22683-0d6c-7001-b6e2-c2089e2262f3","sponsor":"PT Sawit Makmur","stay":"01a22683-1503-7001-8769-5bb732078a0e","track":"KRIYA-DAUR","uid":"01a22683-158a-7001-beb9-70d9fd00a94f"}',NULL,'2683cc59361b1c81d725e3ef12cf0959412ba346c5bb8088f365c957743ab3ff','f213ce7004e850f54c55c89f6be5bc378931d42116fe86111c2a4d8b0d0c1c9f');
CREATE TABLE opds (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
INSERT INTO "opds" VALUES('DISBUNNAK','Dinas Perkebunan dan Peternakan');
INSERT INTO "opds" VALUES('DTPH','Dinas Tanaman Pangan dan Hortikultura');
INSERT INTO "opds" VALUES('DISKAN','Dinas Perikanan');
INSERT INTO "opds" VALUES('DISDUKCAPIL','Dinas Kependudukan dan Pencatatan Sipil');
INSERT INTO "opds" VALUES('DISKOPERINDAG','Dinas Koperasi, UKM, Perindustrian dan Perdagangan');
INSERT INTO "opds" VALUES('DISNAKER','Dinas Tenaga Kerja');
INSERT INTO "opds" VALUES('DINKES','Dinas Kesehatan');
INSERT INTO "opds" VALUES('LAPAS','Lapas / Bapas');
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    nik TEXT UNIQUE,
    gender TEXT,
    birth_date TEXT
);
INSERT INTO "people" VALUES(1,'01a22683-0c68-7001-9768-d7d748a555bb','Budi Santoso','1506041203900001','L','1990-03-12');
INSERT INTO "people" VALUES(2,'01a22683-0ceb-7001-9263-5d39811027e8','Siti Aminah',NULL,NULL,NULL);
INSERT INTO "people" VALUES(3,'01a22683-0d6c-7001-b6e2-c2089e2262f3','Agus Pratama',NULL,NULL,NULL);
INSERT INTO "people" VALUES(4,'01a22683-0de9-7001-ae5f-4e25d8d48ecf','Dewi Lestari',NULL,NULL,NULL);
CREATE TABLE remissions (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    stay_id INTEGER NOT NULL REFERENCES stays(id),
    granted_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    days INTEGER NOT NULL
, override TEXT);
INSERT INTO "remissions" VALUES(1,'01a22683-1400-7001-9ad4-79f7c37cad6f',3,'2025-08-17','RU',60,NULL);
CREATE TABLE stays (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    lapas TEXT NOT NULL,
    register_class TEXT NOT NULL,
    reg_seq INTEGER NOT NULL,
    reg_year INTEGER NOT NULL,
    detained_on TEXT NOT NULL,
    admitted_on TEXT NOT NULL,
    sentence_years INTEGER,
    sentence_months INTEGER,
    sentence_days INTEGER,
    sentence_life INTEGER NOT NULL DEFAULT 0,
    sentence_death INTEGER NOT NULL DEFAULT 0,
    fine_substitute INTEGER NOT NULL DEFAULT 0,
    crime TEXT,
    status TEXT NOT NULL,
    released_on TEXT,
    release_type TEXT,
    release_override TEXT, sentenced_on TEXT, transfer_to TEXT, crime_category TEXT,
    UNIQUE (lapas, register_class, reg_seq, reg_year)
);
INSERT INTO "stays" VALUES(1,'01a22683-0c69-7001-96a3-b47295c5f1db',1,'KTL','B.I',1,2025,'2025-01-10','2025-01-10',2,0,0,0,0,0,'pencurian','in_custody',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO "stays" VALUES(2,'01a22683-0ceb-7002-846e-4884a13c09fb',2,'KTL','B.IIa',2,2025,'2025-09-01','2025-09-01',0,10,0,0,0,0,'penipuan','in_custody',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO "stays" VALUES(3,'01a22683-0d6d-7001-bb57-bbbf74044d2c',3,'KTL','B.I',3,2025,'2024-06-01','2024-06-01',2,6,0,0,0,0,'narkotika','released','2026-10-02','ekspirasi','grasi',NULL,NULL,NULL);
INSERT INTO "stays" VALUES(4,'01a22683-0dea-7001-8c66-9d299dd6be49',4,'KTL','B.I',4,2025,'2025-03-01','2025-03-01',3,0,0,0,0,0,'penggelapan','in_custody',NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO "stays" VALUES(5,'01a22683-1503-7001-8769-5bb732078a0e',3,'KTL','B.I',9,2026,'2026-11-01','2026-11-01',1,6,0,0,0,0,NULL,'in_custody',NULL,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE tracks (
    code TEXT PRIMARY KEY,
    opd TEXT NOT NULL REFERENCES opds(code),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    phase TEXT NOT NULL,
    pembinaan TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "tracks" VALUES('BUN-UNGGUL','DISBUNNAK','Budidaya tanaman perkebunan unggulan','training','custody','kemandirian',20,0);
INSERT INTO "tracks" VALUES('NAK-TERNAK','DISBUNNAK','Beternak kambing','training','custody','kemandirian',20,0);
INSERT INTO "tracks" VALUES('HORT-ORGANIK','DTPH','Sayuran organik','training','custody','kemandirian',20,0);
INSERT INTO "tracks" VALUES('IKAN-AIRTAWAR','DISKAN','Budidaya ikan air tawar','training','custody','kemandirian',20,0);
INSERT INTO "tracks" VALUES('ADMINDUK','DISDUKCAPIL','KTP-el, KK dan akta sebelum bebas','service','custody','kepribadian',20,0);
INSERT INTO "tracks" VALUES('OLAH-MADU','DISKOPERINDAG','Pengolahan madu hutan','training','custody','kemandirian',20,0);
INSERT INTO "tracks" VALUES('KRIYA-DAUR','DISKOPERINDAG','Kerajinan bahan daur ulang','training','custody','kemandirian',20,0);
INSERT INTO "tracks" VALUES('PASAR-KOP','DISKOPERINDAG','Pemasaran produk lewat koperasi','service','any','kemandirian',20,0);
INSERT INTO "tracks" VALUES('SALUR-KERJA','DISNAKER','Penyaluran lowongan kerja','service','post-release','kemandirian',20,0);
INSERT INTO "tracks" VALUES('KES-PREVENTIF','DINKES','Layanan kesehatan preventif','service','any','kepribadian',20,0);
INSERT INTO "tracks" VALUES('KONSELING-KELUARGA','LAPAS','Konseling keluarga','service','post-release','kepribadian',20,0);
INSERT INTO "tracks" VALUES('MENTOR-KOMUNITAS','LAPAS','Mentoring komunitas','service','post-release','kepribadian',20,0);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX events_subject ON events(subject, seq);
CREATE INDEX stays_person ON stays(person_id, admitted_on);
CREATE INDEX stays_dates ON stays(admitted_on, released_on);
CREATE INDEX stays_released ON stays(released_on, release_type, person_id);
CREATE INDEX enrolments_person ON enrolments(person_id, status);
CREATE INDEX enrolments_stay ON enrolments(stay_id, status, track, ended_on);
CREATE INDEX enrolments_track ON enrolments(track, status, stay_id);
CREATE INDEX enrolments_ended ON enrolments(ended_on, status, track, reason, assigned_on);
CREATE INDEX enrolments_assigned ON enrolments(assigned_on, track);
CREATE INDEX enrolments_requested ON enrolments(requested_on, waitlisted, track);
CREATE INDEX remissions_stay ON remissions(stay_id, granted_on, days);
CREATE INDEX absences_left ON absences(left_on, returned_on);
CREATE INDEX absences_returned ON absences(returned_on, kind);
CREATE INDEX absences_stay ON absences(stay_id);
COMMIT;
