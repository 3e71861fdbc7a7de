<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="52"/>
        <source>Operator (papan, kejadian)</source>
        <translation>Operator (board, incidents)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="53"/>
        <source>Staf (impor, daftar rujukan)</source>
        <translation>Staff (imports, reference lists)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="54"/>
        <source>Pimpinan (membaca semua, menyetujui)</source>
        <translation>Commander (reads everything, approves)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="55"/>
        <source>Admin (akun, pengaturan)</source>
        <translation>Admin (accounts, settings)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="72"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="73"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="74"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="75"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="175"/>
        <source>Akun pengguna — OpsCenter</source>
        <translation>User accounts — OpsCenter</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="182"/>
        <source>Tambah &amp;akun…</source>
        <translation>&amp;Add account…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="183"/>
        <source>Atur ulang &amp;kata sandi…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="184"/>
        <source>Ubah &amp;peran…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="185"/>
        <source>&amp;Nonaktifkan</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="194"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="325"/>
        <source>Kedua kata sandi tidak sama; ketik ulang.</source>
        <translation>The passwords do not match; please type them again.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="343"/>
        <source>Atur ulang kata sandi</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="344"/>
        <source>Kata sandi baru untuk {name} (paling sedikit 8 karakter):</source>
        <translation>New password for {name} (at least 8 characters):</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="359"/>
        <source>Ubah peran</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="360"/>
        <source>Peran {name}:</source>
        <translation>Role for {name}:</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="374"/>
        <source>Nonaktifkan akun</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="376"/>
        <source>Nonaktifkan akun {name}? Akun itu tidak dapat masuk lagi; jurnalnya tetap.</source>
        <translation>Deactivate the account {name}? It will no longer be able to sign in; its audit log entries are kept.</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="107"/>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="108"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="108"/>
        <source>Aktif, tanpa kata sandi</source>
        <translation>Active, no password</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="48"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="49"/>
        <source>&amp;Ubah</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="50"/>
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="51"/>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="52"/>
        <source>&amp;Laporan</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="53"/>
        <source>&amp;Perencanaan</source>
        <translation>&amp;Planning</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="54"/>
        <source>&amp;Admin</source>
        <translation>&amp;Admin</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="55"/>
        <source>Ba&amp;ntuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="59"/>
        <source>&amp;Sambungan basis data…</source>
        <translation>&amp;Database connection…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="61"/>
        <source>&amp;Keluar</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="62"/>
        <source>&amp;Urungkan</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="64"/>
        <source>U&amp;langi</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="67"/>
        <source>Kejadian &amp;baru…</source>
        <translation>&amp;New incident…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="70"/>
        <source>&amp;Tambah tindak lanjut</source>
        <translation>Add &amp;follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="73"/>
        <source>Ubah &amp;status satuan…</source>
        <translation>Change unit &amp;status…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="75"/>
        <source>&amp;Cari</source>
        <translation>F&amp;ind</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="79"/>
        <source>Nilai &amp;kesiapan sel…</source>
        <translation>&amp;Judge readiness cell…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="85"/>
        <source>Kunjungan &amp;dan temuan…</source>
        <translation>&amp;Visits and findings…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="91"/>
        <source>&amp;Anggaran…</source>
        <translation>&amp;Budget…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="97"/>
        <source>Sa&amp;rpras satuan…</source>
        <translation>Unit &amp;equipment…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="103"/>
        <source>Daftar as&amp;pek dan sarpras…</source>
        <translation>Aspect and sarpras &amp;lists…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="109"/>
        <source>Langkah pe&amp;mantauan TPS…</source>
        <translation>TPS &amp;watch steps…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="112"/>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="113"/>
        <source>&amp;Papan satuan</source>
        <translation>Unit &amp;board</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="114"/>
        <source>&amp;Kekuatan</source>
        <translation>&amp;Strength</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="115"/>
        <source>&amp;Tahapan</source>
        <translation>S&amp;tages</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="116"/>
        <source>K&amp;ejadian</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="117"/>
        <source>Ke&amp;siapan</source>
        <translation>Rea&amp;diness</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="118"/>
        <source>Pet&amp;a operasi</source>
        <translation>Oper&amp;ation map</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="119"/>
        <source>Pa&amp;ntau TPS</source>
        <translation>TPS watc&amp;h</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="120"/>
        <source>Layar &amp;dinding</source>
        <translation>&amp;Video wall</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="121"/>
        <source>Tema ma&amp;lam</source>
        <translation>&amp;Night theme</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="139"/>
        <source>&amp;Impor data…</source>
        <translation>&amp;Import data…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="149"/>
        <source>&amp;Riwayat &amp;&amp; pembatalan impor…</source>
        <translation>Import &amp;history &amp;&amp; undo…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="153"/>
        <source>Laporan &amp;Situasi…</source>
        <translation>&amp;Situation report…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="164"/>
        <source>&amp;Kerawanan dan penebalan…</source>
        <translation>&amp;Vulnerability and reinforcement…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="127"/>
        <source>Perbesa&amp;r teks</source>
        <translation>Lar&amp;ger text</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="131"/>
        <source>Perke&amp;cil teks</source>
        <translation>S&amp;maller text</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="136"/>
        <source>&amp;Ukuran teks semula</source>
        <translation>&amp;Original text size</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="143"/>
        <source>Impor &amp;batas wilayah…</source>
        <translation>Import region &amp;boundaries…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="158"/>
        <source>Laporan &amp;kesiapan…</source>
        <translation>&amp;Readiness report…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="170"/>
        <source>Plotting pengamanan &amp;TPS…</source>
        <translation>Plotting of &amp;polling-station guards…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="176"/>
        <source>&amp;Jurnal audit…</source>
        <translation>&amp;Audit log…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="182"/>
        <source>A&amp;kun pengguna…</source>
        <translation>&amp;User accounts…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="188"/>
        <source>Status &amp;replikasi…</source>
        <translation>&amp;Replication status…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="191"/>
        <source>&amp;Panduan</source>
        <translation>&amp;Manual</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="193"/>
        <source>Pintasan &amp;keyboard</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="195"/>
        <source>&amp;Tentang OpsCenter</source>
        <translation>&amp;About OpsCenter</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="220"/>
        <source>Tutup jendela atau dialog (bertanya dulu bila ada isian)</source>
        <translation>Close a window or dialog (asks first when something is typed)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="223"/>
        <source>Formulir: simpan</source>
        <translation>Form: save</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="224"/>
        <source>Formulir: pindah isian</source>
        <translation>Form: next or previous field</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="225"/>
        <source>Daftar satuan di formulir: centang</source>
        <translation>Units list in a form: tick</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="227"/>
        <source>Kejadian: tutup rincian, kembali ke daftar (tidak bila ada isian)</source>
        <translation>Incidents: close the detail, back to the list (not while something is typed)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="232"/>
        <source>Perencanaan: hapus perubahan TPS terpilih</source>
        <translation>Planning: remove the selected TPS change</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="233"/>
        <source>Kesiapan: nilai sel terpilih (juga F2)</source>
        <translation>Readiness: judge the selected cell (also F2)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="235"/>
        <source>Pantau TPS: catat baris Catat (TPS atau pos, langkah, jam; g: gangguan)</source>
        <translation>TPS watch: the Log line records (TPS or post, step, time; g: disturbance)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="240"/>
        <source>Peta (fokus di peta): geser</source>
        <translation>Map (focus on the map): pan</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="242"/>
        <source>Peta (fokus di peta): perbesar, perkecil, seluruh wilayah</source>
        <translation>Map (focus on the map): zoom in, zoom out, whole area</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="245"/>
        <source>Peta (fokus di peta): lepas wilayah terpilih</source>
        <translation>Map (focus on the map): let the chosen region go</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="247"/>
        <source>Peta: putar ulang kejadian periode ini, atau jeda</source>
        <translation>Map: play this period&apos;s incidents back, or pause</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="251"/>
        <source>Peta, penggeser waktu: mundur, maju, awal, akhir periode</source>
        <translation>Map, time slider: back, forward, start, end of the period</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="255"/>
        <source>Plotting: bentuk pos dari pola, plotting otomatis</source>
        <translation>Plotting: form posts from the patterns, automatic plotting</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="259"/>
        <source>Plotting: pindahkan TPS, pecah pos, gabungkan pos</source>
        <translation>Plotting: move a polling station, split a post, merge posts</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="263"/>
        <source>Plotting: tempatkan, tukar, kunci, kembalikan ke cadangan personel terpilih</source>
        <translation>Plotting: place, swap, lock or return to the reserve the selected officer</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="272"/>
        <source>Plotting: ekspor daftar plotting, surat penugasan</source>
        <translation>Plotting: export the plotting list, the assignment slips</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="275"/>
        <source>Anggaran: ubah pagu atau realisasi terpilih</source>
        <translation>Budget: change the chosen pagu or payment</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="277"/>
        <source>Anggaran: hapus pagu, realisasi atau sel indeks terpilih</source>
        <translation>Budget: remove the chosen pagu, payment or index cell</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="329"/>
        <source>Jendela dan formulir</source>
        <translation>Windows and forms</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="353"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/audit_model.py" line="40"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="41"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="42"/>
        <source>Akun</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="43"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="44"/>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="45"/>
        <source>Perubahan (sebelum → sesudah)</source>
        <translation>Changes (before → after)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="50"/>
        <source>Ubah status satuan</source>
        <translation>Change unit status</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="51"/>
        <source>Ubah data satuan</source>
        <translation>Edit unit</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="52"/>
        <source>Penugasan BKO</source>
        <translation>BKO assignment</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="53"/>
        <source>Akhiri BKO</source>
        <translation>End BKO</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="54"/>
        <source>Simpan pola pengamanan</source>
        <translation>Save guard pattern</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="55"/>
        <source>Setujui usulan penebalan</source>
        <translation>Accept reinforcement proposal</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="56"/>
        <source>Terbitkan nomor laporan situasi</source>
        <translation>Issue situation report number</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="57"/>
        <source>Tetapkan kerawanan</source>
        <translation>Set vulnerability</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="58"/>
        <source>Bentuk pos pengamanan</source>
        <translation>Form guard posts</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="59"/>
        <source>Pindahkan TPS ke pos lain</source>
        <translation>Move a polling station to another post</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="60"/>
        <source>Pecah pos pengamanan</source>
        <translation>Split a guard post</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="61"/>
        <source>Gabungkan pos pengamanan</source>
        <translation>Merge guard posts</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="62"/>
        <source>Plotting personel otomatis</source>
        <translation>Automatic personnel plotting</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="63"/>
        <source>Tempatkan personel di pos</source>
        <translation>Place personnel on a post</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="64"/>
        <source>Tukar personel antarpos</source>
        <translation>Swap personnel between posts</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="65"/>
        <source>Kunci penempatan personel</source>
        <translation>Lock a personnel placement</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="66"/>
        <source>Hapus penilaian kerawanan</source>
        <translation>Clear vulnerability rating</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="67"/>
        <source>Impor kerawanan</source>
        <translation>Import vulnerability</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="68"/>
        <source>Impor personel</source>
        <translation>Import personnel</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="69"/>
        <source>Impor TPS</source>
        <translation>Import TPS</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="70"/>
        <source>Impor satuan</source>
        <translation>Import units</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="71"/>
        <source>Batalkan impor</source>
        <translation>Revert import</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="72"/>
        <source>Catat kejadian</source>
        <translation>Record incident</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="73"/>
        <source>Ubah kejadian</source>
        <translation>Edit incident</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="74"/>
        <source>Tindak lanjut kejadian</source>
        <translation>Incident follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="75"/>
        <source>Ubah status kejadian</source>
        <translation>Change incident status</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="76"/>
        <source>Ubah satuan kejadian</source>
        <translation>Change incident units</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="77"/>
        <source>Tambah personel</source>
        <translation>Add personnel</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="78"/>
        <source>Ubah personel</source>
        <translation>Edit personnel</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="79"/>
        <source>Muat operasi contoh</source>
        <translation>Load demo operation</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="80"/>
        <source>Buat akun</source>
        <translation>Create account</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="81"/>
        <source>Buat admin pertama</source>
        <translation>Create first admin</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="82"/>
        <source>Atur ulang kata sandi</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="83"/>
        <source>Ubah peran akun</source>
        <translation>Change account role</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="84"/>
        <source>Nonaktifkan akun</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="85"/>
        <source>Perbarui sandi tersimpan</source>
        <translation>Update stored password hash</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="87"/>
        <source>Tambah alokasi anggaran</source>
        <translation>Add budget allocation</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="88"/>
        <source>Ubah alokasi anggaran</source>
        <translation>Change budget allocation</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="89"/>
        <source>Hapus alokasi anggaran</source>
        <translation>Remove budget allocation</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="90"/>
        <source>Tetapkan indeks harian anggaran</source>
        <translation>Set daily budget index</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="91"/>
        <source>Hapus indeks harian anggaran</source>
        <translation>Clear daily budget index</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="92"/>
        <source>Catat realisasi anggaran</source>
        <translation>Record budget payment</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="93"/>
        <source>Ubah realisasi anggaran</source>
        <translation>Change budget payment</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="94"/>
        <source>Hapus realisasi anggaran</source>
        <translation>Remove budget payment</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="95"/>
        <source>Catat kunjungan</source>
        <translation>Record inspection visit</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="96"/>
        <source>Ubah kunjungan</source>
        <translation>Change inspection visit</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="97"/>
        <source>Hapus kunjungan</source>
        <translation>Remove inspection visit</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="98"/>
        <source>Kembalikan kunjungan yang dihapus</source>
        <translation>Restore a removed visit</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="99"/>
        <source>Catat temuan kunjungan</source>
        <translation>Record visit finding</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="100"/>
        <source>Ubah temuan kunjungan</source>
        <translation>Change visit finding</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="101"/>
        <source>Hapus temuan kunjungan</source>
        <translation>Remove visit finding</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="102"/>
        <source>Kembalikan temuan kunjungan yang dihapus</source>
        <translation>Restore a removed visit finding</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="105"/>
        <source>Ubah status tindak lanjut temuan</source>
        <translation>Change finding follow-up status</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="107"/>
        <source>Nilai kesiapan</source>
        <translation>Judge readiness</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="108"/>
        <source>Hapus penilaian kesiapan</source>
        <translation>Clear readiness judgement</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="111"/>
        <source>baru</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="112"/>
        <source>diubah</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="113"/>
        <source>dihapus</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="233"/>
        <source>Waktu nyata saat dicatat, juga dalam latihan. Waktu di dalam rincian (waktu kejadian, tindak lanjut) mengikuti jam operasi atau latihan.</source>
        <translation>The real time it was recorded, in an exercise too. Times inside the detail (when an incident happened, a follow-up) follow the operation&apos;s or the exercise&apos;s clock.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_model.py" line="239"/>
        <source>Waktu (jam nyata)</source>
        <translation>Time (real clock)</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <location filename="../../ui/audit_view.py" line="90"/>
        <source>Jurnal audit — OpsCenter</source>
        <translation>Audit log — OpsCenter</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="103"/>
        <source>Sejak</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="105"/>
        <source>Sampai</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="114"/>
        <source>cari nama, nilai, tindakan…</source>
        <translation>search names, values, actions…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="120"/>
        <source>&amp;Terapkan</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="123"/>
        <source>&amp;Bersihkan</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="125"/>
        <source>&amp;Ekspor ke Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="127"/>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="133"/>
        <source>&amp;Akun</source>
        <translation>A&amp;ccount</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="135"/>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="141"/>
        <source>&amp;Cari</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="171"/>
        <source>Waktu di jurnal adalah waktu nyata komputer saat tombol ditekan; latihan berjalan pada waktu simulasi.</source>
        <translation>Journal times are the computer&apos;s real time when the button was pressed; the exercise runs on simulated time.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="185"/>
        <source>Pilih satu baris untuk melihat semua perubahannya.</source>
        <translation>Select a row to see all of its changes.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="295"/>
        <source>(semua akun)</source>
        <translation>(all accounts)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="299"/>
        <source>(semua data)</source>
        <translation>(all data)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="357"/>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="437"/>
        <source>Tidak ada entri jurnal yang cocok dengan saringan.</source>
        <translation>No log entries match the filter.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="441"/>
        <source>{n} entri terbaru ditampilkan; gulir ke bawah untuk yang lebih lama.</source>
        <translation>Showing the latest {n} entries; scroll down for older ones.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="445"/>
        <source>{n} entri.</source>
        <translation>Entries: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="459"/>
        <source>Ekspor jurnal audit</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="461"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="474"/>
        <source>Mengekspor ke {path}…</source>
        <translation>Exporting to {path}…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="479"/>
        <source>{n} entri ditulis ke {path}.</source>
        <translation>Entries written to {path}: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="490"/>
        <source>Ekspor dibatalkan; berkas tidak ditulis.</source>
        <translation>Export canceled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="495"/>
        <source>Mengekspor jurnal audit</source>
        <translation>Exporting audit log</translation>
    </message>
</context>
<context>
    <name>BudgetDialog</name>
    <message>
        <location filename="../../ui/budget_tables.py" line="128"/>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="129"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="129"/>
        <source>Nomor DIPA atau NPHD</source>
        <translation>DIPA or NPHD number</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="130"/>
        <location filename="../../ui/budget_tables.py" line="173"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="130"/>
        <source>Tanggal NPHD ditandatangani</source>
        <translation>Date the NPHD was signed</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="131"/>
        <source>Pagu</source>
        <translation>Ceiling</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="132"/>
        <source>Realisasi</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="133"/>
        <source>Sisa</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="133"/>
        <source>Pagu dikurangi realisasi</source>
        <translation>Ceiling less what was paid</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="173"/>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="173"/>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="236"/>
        <source>Rupiah per orang per hari × hari dibayar</source>
        <translation>Rupiah per person per day × days paid</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="238"/>
        <source>Tahapan</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="240"/>
        <source>Personel</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="240"/>
        <source>Personel satuan ini pada tahapan, dengan bawahannya</source>
        <translation>This unit&apos;s personnel in the stage, with its subordinate units</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="241"/>
        <source>Kebutuhan</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="241"/>
        <source>Personel × hari × indeks, semua komponen</source>
        <translation>Personnel × days × index, all components</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="266"/>
        <source>Dihitung bila tahapan ini punya indeks</source>
        <translation>Computed when this stage has an index</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="275"/>
        <source>Tidak dibayar pada tahapan ini: ketik mis. 150.000 x 5</source>
        <translation>Not paid in this stage: type e.g. 150.000 x 5</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tables.py" line="276"/>
        <source>{daily} per orang per hari selama {days} hari</source>
        <translation>{daily} per person per day for {days} days</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="70"/>
        <source>Anggaran satuan</source>
        <translation>Unit budget</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="139"/>
        <source>&amp;Pagu satuan ini (per sumber)</source>
        <translation>&amp;Ceilings of this unit (per source)</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="141"/>
        <source>Realisasi dari pagu &amp;terpilih</source>
        <translation>Payments from the c&amp;hosen ceiling</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="54"/>
        <source>Si&amp;mpan perubahan</source>
        <translation>Sa&amp;ve changes</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="56"/>
        <source>Bata&amp;l ubah</source>
        <translation>Cance&amp;l change</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="59"/>
        <source>U&amp;bah</source>
        <translation>Chan&amp;ge</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="398"/>
        <location filename="../../ui/budget_dialog.py" line="445"/>
        <location filename="../../ui/budget_forms.py" line="60"/>
        <location filename="../../ui/budget_index.py" line="91"/>
        <source>&amp;Hapus</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="71"/>
        <source>Isian pagu, realisasi atau indeks belum disimpan.</source>
        <translation>Typed pagu, payment or index entries are not saved yet.</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="84"/>
        <source>P&amp;agu dan realisasi</source>
        <translation>P&amp;agu and payments</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="87"/>
        <source>In&amp;deks harian</source>
        <translation>Daily in&amp;dex</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="155"/>
        <source>Kelola r&amp;ealisasi</source>
        <translation>Manage pa&amp;yments</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="156"/>
        <source>&amp;Kelola pagu</source>
        <translation>&amp;Manage pagu</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="111"/>
        <source>mis. 25.000.000</source>
        <translation>e.g. 25.000.000</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="116"/>
        <source>mis. uang saku pengamanan TPS tahap I</source>
        <translation>e.g. TPS guard allowance, stage I</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="120"/>
        <source>Ta&amp;nggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="121"/>
        <source>&amp;Jumlah (Rp)</source>
        <translation>&amp;Amount (Rp)</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="122"/>
        <source>Ura&amp;ian</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="127"/>
        <source>Tambah &amp;realisasi</source>
        <translation>Add &amp;payment</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="128"/>
        <source>Realisasi terpilih di daftar</source>
        <translation>The payment chosen in the list</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="164"/>
        <source>mis. NPHD 900/123/BPKAD/2024</source>
        <translation>e.g. NPHD 900/123/BPKAD/2024</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="166"/>
        <location filename="../../ui/budget_forms.py" line="192"/>
        <source>Tanggal &amp;NPHD</source>
        <translation>&amp;NPHD date</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="171"/>
        <source>mis. 25.000.000.000</source>
        <translation>e.g. 25.000.000.000</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="175"/>
        <source>Sumbe&amp;r</source>
        <translation>Sou&amp;rce</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="176"/>
        <source>N&amp;omor</source>
        <translation>N&amp;umber</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="178"/>
        <source>Pa&amp;gu (Rp)</source>
        <translation>Pa&amp;gu (Rp)</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="179"/>
        <source>&amp;Catatan</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="181"/>
        <source>Ta&amp;mbah pagu</source>
        <translation>Add &amp;pagu</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="181"/>
        <source>Pagu terpilih di daftar</source>
        <translation>The pagu chosen in the list</translation>
    </message>
    <message>
        <location filename="../../ui/budget_index.py" line="42"/>
        <source>&amp;Indeks harian operasi, berlaku untuk semua satuan: rupiah per orang per hari × hari dibayar. Personel dan kebutuhan: satuan terpilih.</source>
        <translation>Operation&apos;s da&amp;ily index, for every unit: rupiah per person per day × days paid. Personnel and need: the chosen unit.</translation>
    </message>
    <message>
        <location filename="../../ui/budget_index.py" line="51"/>
        <source>Ketik mis. 150.000 x 5 lalu Enter (tanpa “x hari”: hari tahapan itu) · Del mengosongkan sel: komponen itu tidak dibayar pada tahapan itu</source>
        <translation>Type e.g. 150.000 x 5 then Enter (without “x days”: that stage&apos;s days) · Del empties a cell: that component is not paid in that stage</translation>
    </message>
    <message>
        <location filename="../../ui/budget_index.py" line="92"/>
        <source>Kebutuhan semua satuan turun. Bisa diurungkan dengan Ctrl+Z.</source>
        <translation>Every unit&apos;s need falls. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="221"/>
        <source>Satuan ini tidak memegang anggaran.</source>
        <translation>This unit holds no budget.</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="225"/>
        <source>Kebutuhan &lt;b&gt;{need}&lt;/b&gt;</source>
        <translation>Need &lt;b&gt;{need}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="226"/>
        <source>Pagu &lt;b&gt;{pagu}&lt;/b&gt;</source>
        <translation>Ceiling &lt;b&gt;{pagu}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="227"/>
        <source>Realisasi &lt;b&gt;{paid}&lt;/b&gt;</source>
        <translation>Paid &lt;b&gt;{paid}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="228"/>
        <source>Sisa pagu &lt;b&gt;{left}&lt;/b&gt;</source>
        <translation>Left &lt;b&gt;{left}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="234"/>
        <source>Pagu kurang {short} dari kebutuhan</source>
        <translation>Ceiling {short} short of the need</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="236"/>
        <source>termasuk satuan di bawahnya</source>
        <translation>including the units under it</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="272"/>
        <source>Mengubah realisasi {day} sebesar {amount}</source>
        <translation>Changing the payment of {day} of {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="278"/>
        <source>Satuan ini belum punya pagu: tidak ada yang dibayar.</source>
        <translation>This unit has no ceiling yet: nothing to pay from.</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="281"/>
        <source>Dari pagu {allocation}: sisa {left}</source>
        <translation>From pagu {allocation}: {left} left</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="292"/>
        <source>Mengubah pagu {allocation}</source>
        <translation>Changing pagu {allocation}</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="298"/>
        <source>Pagu baru untuk {unit}</source>
        <translation>New pagu for {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="399"/>
        <location filename="../../ui/budget_dialog.py" line="446"/>
        <source>Bisa diurungkan dengan Ctrl+Z.</source>
        <translation>Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../ui/budget_forms.py" line="192"/>
        <source>Tanggal &amp;NPHD (wajib)</source>
        <translation>&amp;NPHD date (required)</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="316"/>
        <source>Ganti isian</source>
        <translation>Replace entries</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="317"/>
        <source>Isian yang diketik belum disimpan dan diganti dengan baris terpilih.</source>
        <translation>The typed entries are not saved and are replaced by the chosen row.</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="318"/>
        <source>&amp;Ganti</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <location filename="../../ui/budget_writes.py" line="74"/>
        <source>Ubah realisasi {day} {amount}</source>
        <translation>Change payment {day} {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="386"/>
        <source>Realisasi {amount} tanggal {day} ({description}) dari pagu {allocation}</source>
        <translation>Payment of {amount} on {day} ({description}) from pagu {allocation}</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="396"/>
        <source>Hapus realisasi</source>
        <translation>Remove payment</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="397"/>
        <source> dihapus.</source>
        <translation> removed.</translation>
    </message>
    <message>
        <location filename="../../ui/budget_writes.py" line="136"/>
        <source>Hapus realisasi {amount}</source>
        <translation>Remove payment {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/budget_writes.py" line="99"/>
        <source>Pagu {source} {amount} {unit}</source>
        <translation>Pagu {source} {amount} {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/budget_writes.py" line="111"/>
        <source>Ubah pagu {allocation}</source>
        <translation>Change pagu {allocation}</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="439"/>
        <source>Hapus pagu</source>
        <translation>Remove pagu</translation>
    </message>
    <message>
        <location filename="../../ui/budget_dialog.py" line="440"/>
        <source>Pagu {allocation} sebesar {pagu} dihapus dari {unit}.</source>
        <translation>Pagu {allocation} of {pagu} removed from {unit}.</translation>
    </message>
    <message>
        <location filename="../../ui/budget_writes.py" line="154"/>
        <source>Hapus pagu {allocation}</source>
        <translation>Remove pagu {allocation}</translation>
    </message>
    <message>
        <location filename="../../ui/budget_writes.py" line="206"/>
        <source>Indeks {component} {stage}: {daily} × {days}</source>
        <translation>Index {component} {stage}: {daily} × {days}</translation>
    </message>
    <message>
        <location filename="../../ui/budget_index.py" line="87"/>
        <source>Hapus indeks</source>
        <translation>Remove index</translation>
    </message>
    <message>
        <location filename="../../ui/budget_index.py" line="88"/>
        <source>{component} pada {stage} ({index}) tidak dibayar lagi.</source>
        <translation>{component} in {stage} ({index}) is no longer paid.</translation>
    </message>
    <message>
        <location filename="../../ui/budget_writes.py" line="232"/>
        <source>Hapus indeks {component} {stage}</source>
        <translation>Remove index {component} {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/budget_writes.py" line="64"/>
        <source>Realisasi {amount} {unit}</source>
        <translation>Payment of {amount} {unit}</translation>
    </message>
</context>
<context>
    <name>ChoiceCombo</name>
    <message>
        <location filename="../../ui/choice_combo.py" line="229"/>
        <source>{field}: “{typed}” tidak ada dalam daftar; pilih salah satu.</source>
        <translation>{field}: “{typed}” is not in the list; choose one.</translation>
    </message>
    <message>
        <location filename="../../ui/choice_combo.py" line="233"/>
        <source>{field}: “{typed}” cocok dengan beberapa pilihan: {names}; pilih salah satu.</source>
        <translation>{field}: “{typed}” matches several choices: {names}; choose one.</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../ui/confirm.py" line="35"/>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="50"/>
        <source>… dan {n} lainnya</source>
        <translation>… and {n} more</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../ui/connection_dialog.py" line="110"/>
        <source>Sambungan basis data</source>
        <translation>Database connection</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="114"/>
        <source>Berkas &amp;SQLite di workstation ini</source>
        <translation>&amp;SQLite file on this workstation</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="115"/>
        <source>Server &amp;PostgreSQL ruang komando</source>
        <translation>Command room &amp;PostgreSQL server</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="124"/>
        <source>P&amp;ilih…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="127"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="148"/>
        <source>Pi&amp;lih…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="152"/>
        <source>&amp;Host</source>
        <translation>&amp;Host</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="153"/>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="154"/>
        <source>Basis &amp;data</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="155"/>
        <source>Pe&amp;ngguna</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="156"/>
        <source>&amp;Kata sandi</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="157"/>
        <source>Mode &amp;TLS</source>
        <translation>TLS &amp;mode</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="158"/>
        <source>Berkas &amp;CA</source>
        <translation>&amp;CA file</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="163"/>
        <source>Kata sandi tidak disimpan: hanya dipakai untuk uji sambungan. Simpan di ~/.pgpass (Windows: %APPDATA%\postgresql\pgpass.conf) atau ketik saat OpsCenter dimulai.</source>
        <translation>The password is not saved: it is only used to test the connection. Store it in ~/.pgpass (Windows: %APPDATA%\postgresql\pgpass.conf) or type it when OpsCenter starts.</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="179"/>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="184"/>
        <source>&amp;Uji sambungan</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="196"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="196"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="328"/>
        <source>Pilih berkas basis data</source>
        <translation>Choose database file</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="330"/>
        <source>Basis data SQLite (*.db *.sqlite);;Semua berkas (*)</source>
        <translation>SQLite database (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="339"/>
        <source>Pilih berkas CA</source>
        <translation>Choose CA file</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="341"/>
        <source>Sertifikat (*.crt *.pem *.cer);;Semua berkas (*)</source>
        <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="356"/>
        <source>Sambungan berhasil. Basis data ini masih kosong; skema OpsCenter dibuat saat OpsCenter dimulai dengannya.</source>
        <translation>Connection succeeded. This database is still empty; OpsCenter will create its schema when it is started on it.</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="367"/>
        <source>Sambungan berhasil.</source>
        <translation>Connection succeeded.</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../ui/desk.py" line="47"/>
        <source>Ctrl+Z: urungkan</source>
        <translation>Ctrl+Z: undo</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="47"/>
        <source>Ctrl+Z: urungkan {what}</source>
        <translation>Ctrl+Z: undo {what}</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../ui/empty_state.py" line="42"/>
        <source>Belum ada operasi</source>
        <translation>No operation yet</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="46"/>
        <source>Basis data ini belum berisi operasi. Untuk mencoba OpsCenter, muat data contoh dengan perintah berikut di terminal, lalu tekan F5 (Muat ulang):</source>
        <translation>This database does not contain an operation yet. To try OpsCenter, load the sample data with the following command in a terminal, then press F5 (Reload):</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="89"/>
        <source>Basis data: {url}</source>
        <translation>Database: {url}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/error_dialog.py" line="30"/>
        <source>Terjadi kesalahan yang tidak terduga. Rinciannya sudah dicatat di log; bila terulang, mulai ulang OpsCenter dan laporkan ke admin.</source>
        <translation>An unexpected error occurred. The details have been written to the log; if it happens again, restart OpsCenter and report it to your administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="37"/>
        <source>OpsCenter</source>
        <translation>OpsCenter</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="52"/>
        <source>&amp;Terapkan lagi</source>
        <translation>&amp;Re-apply</translation>
    </message>
    <message>
        <location filename="../../ui/error_dialog.py" line="54"/>
        <source>B&amp;atal</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>ExerciseBanner</name>
    <message>
        <location filename="../../ui/exercise_banner.py" line="32"/>
        <source>LATIHAN · waktu simulasi</source>
        <translation>EXERCISE · simulated time</translation>
    </message>
</context>
<context>
    <name>FormParts</name>
    <message>
        <location filename="../../ui/form_parts.py" line="284"/>
        <source>U&amp;bah terpilih</source>
        <translation>Chan&amp;ge chosen</translation>
    </message>
    <message>
        <location filename="../../ui/form_parts.py" line="284"/>
        <source>&amp;Hapus terpilih</source>
        <translation>&amp;Remove chosen</translation>
    </message>
    <message>
        <location filename="../../ui/form_parts.py" line="297"/>
        <source>Simpan perubaha&amp;n</source>
        <translation>Save chan&amp;ges</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../ui/help_window.py" line="83"/>
        <source>Pintasan jendela utama berlaku di mana pun fokus berada: di daftar, di isian, di papan.</source>
        <translation>The main window&apos;s shortcuts work wherever the focus is: in a list, in a field, on the board.</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="86"/>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="86"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="86"/>
        <source>Tombol</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="98"/>
        <source>Anda masuk sebagai {user}, peran {role}.</source>
        <translation>You are signed in as {user}, role {role}.</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="100"/>
        <source>Yang tidak boleh dilakukan suatu peran ditolak dengan satu kalimat; menu yang tidak dapat dipakai tidak ditampilkan.</source>
        <translation>What a role may not do is refused in one sentence; menus it cannot use are not shown.</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="104"/>
        <source>Wewenang</source>
        <translation>Permission</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="116"/>
        <source>Bantuan OpsCenter</source>
        <translation>OpsCenter help</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="121"/>
        <source>Panduan</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="122"/>
        <source>Pintasan keyboard</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="123"/>
        <source>Peran</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="184"/>
        <source>Baru di OpsCenter? F1 membuka panduan, Ctrl+/ daftar pintasan. Dari mana saja: Ctrl+N mencatat kejadian, F2 mengubah status satuan, Esc menutup dialog.</source>
        <translation>New to OpsCenter? F1 opens the manual, Ctrl+/ the shortcut list. From anywhere: Ctrl+N logs an incident, F2 changes a unit&apos;s status, Esc closes a dialog.</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="181"/>
        <source>Baru di OpsCenter? F1 panduan · Ctrl+/ pintasan</source>
        <translation>New to OpsCenter? F1 manual · Ctrl+/ shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/help_window.py" line="189"/>
        <source>&amp;Mengerti</source>
        <translation>&amp;Got it</translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <location filename="../../ui/import_history.py" line="69"/>
        <source>Jurnal</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="70"/>
        <source>Nomor transaksi jurnal impor ini. Di Jurnal audit, rincian tiap baris impor ini menyebut “transaksi jurnal: nomor ini”.</source>
        <translation>This import&apos;s journal transaction number. In the audit journal, the detail of each of its rows says “journal transaction: this number”.</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="77"/>
        <source>Waktu nyata saat impor disimpan: jurnal mencatat waktu nyata, juga dalam latihan.</source>
        <translation>The real time the import was saved: the journal records real time, in an exercise too.</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="82"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="83"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="84"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="85"/>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="86"/>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="107"/>
        <source>{new} baru, {changed} berubah</source>
        <translation>{new} new, {changed} changed</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="108"/>
        <source>dibatalkan</source>
        <translation>undone</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="125"/>
        <source>Riwayat impor</source>
        <translation>Import history</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="138"/>
        <source>&amp;Batalkan impor terpilih</source>
        <translation>&amp;Undo selected import</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="156"/>
        <source>Belum ada impor.</source>
        <translation>No imports yet.</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="191"/>
        <source>Impor #{txn} sudah dibatalkan.</source>
        <translation>Import #{txn} has been undone.</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="200"/>
        <source>Membatalkan impor…</source>
        <translation>Undoing import…</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="170"/>
        <source>Batalkan impor</source>
        <translation>Revert import</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="76"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="171"/>
        <source>Membatalkan impor #{txn} ({file}): {new} baris baru dihapus dan {changed} baris yang berubah dikembalikan seperti sebelum impor.</source>
        <translation>Reverting import #{txn} ({file}): {new} new rows are deleted and {changed} changed rows are put back as they were before the import.</translation>
    </message>
    <message>
        <location filename="../../ui/import_history.py" line="175"/>
        <source>Batalkan &amp;impor ({n} baris)</source>
        <translation>Revert &amp;import ({n} rows)</translation>
    </message>
</context>
<context>
    <name>ImportModels</name>
    <message>
        <location filename="../../ui/import_models.py" line="58"/>
        <location filename="../../ui/import_models.py" line="64"/>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="71"/>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="71"/>
        <source>Kolom di berkas</source>
        <translation>Column in file</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="71"/>
        <source>Kepastian</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="91"/>
        <source>perlu dicek</source>
        <translation>needs checking</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="91"/>
        <source>pasti</source>
        <translation>certain</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="151"/>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="152"/>
        <source>Berubah</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="153"/>
        <source>Tetap</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="154"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="174"/>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="174"/>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="174"/>
        <source>Kunci</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/import_models.py" line="174"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/import_pages.py" line="57"/>
        <source>Pilih berkas</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="59"/>
        <source>Lembar kerja dari Polres: xlsx, xls, xlsb, ods atau csv.</source>
        <translation>Spreadsheet from a Polres: xlsx, xls, xlsb, ods or csv.</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="65"/>
        <source>&amp;Telusuri…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="73"/>
        <source>&amp;Jenis data:</source>
        <translation>&amp;Data type:</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="75"/>
        <source>&amp;Berkas:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="110"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="58"/>
        <source>Pilih lembar kerja</source>
        <translation>Choose a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="93"/>
        <source>Pilih berkas yang akan diimpor.</source>
        <translation>Choose the file to import.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="60"/>
        <source>Membaca berkas…</source>
        <translation>Reading file…</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="65"/>
        <source>Lembar dan kolom</source>
        <translation>Sheet and columns</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="67"/>
        <source>Periksa pasangan kolom; yang berlatar kuning perlu dicek. F2 atau klik dua kali untuk mengubah.</source>
        <translation>Check the column matches; those on a yellow background need checking. F2 or double-click to change.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="84"/>
        <source>Buat satuan yang belum terdaftar</source>
        <translation>Create units that are not yet registered</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="89"/>
        <source>&amp;Satuan pemilik daftar:</source>
        <translation>&amp;Unit owning the list:</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="97"/>
        <source>&amp;Tahapan:</source>
        <translation>&amp;Stage:</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="105"/>
        <source>Lembar:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="163"/>
        <source>{unit} ditebak dari kop surat berkas; ganti bila daftar ini milik satuan lain.</source>
        <translation>{unit} guessed from the file&apos;s letterhead; change it if this list belongs to another unit.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="169"/>
        <source>Kop surat berkas tidak menyebut satuan; pilih satuan pemilik daftar ini.</source>
        <translation>The file&apos;s letterhead names no unit; choose the unit owning this list.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="185"/>
        <source>Membaca lembar…</source>
        <translation>Reading sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="194"/>
        <source>Pilih satuan pemilik daftar ini.</source>
        <translation>Choose the unit owning this list.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="210"/>
        <source>Memeriksa baris…</source>
        <translation>Checking rows…</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="224"/>
        <source>Pratinjau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="247"/>
        <source>Simpan baris yang &amp;ditolak…</source>
        <translation>&amp;Save rejected rows…</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="266"/>
        <source>Baru {new}, berubah {changed}, tetap {unchanged}, ditolak {rejected}.</source>
        <translation>New {new}, changed {changed}, unchanged {unchanged}, rejected {rejected}.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="298"/>
        <source>Simpan baris yang ditolak</source>
        <translation>Save rejected rows</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="321"/>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="334"/>
        <source>Tidak dapat diimpor</source>
        <translation>Cannot be imported</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="353"/>
        <source>Tersimpan dalam satu transaksi (jurnal #{txn}): {new} baru, {changed} berubah, {unchanged} tetap.</source>
        <translation>Saved in one transaction (journal #{txn}): {new} new, {changed} changed, {unchanged} unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="359"/>
        <source>{rejected} baris yang ditolak tidak dimuat.</source>
        <translation>{rejected} rejected rows were not loaded.</translation>
    </message>
    <message>
        <location filename="../../ui/import_pages.py" line="108"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="350"/>
        <source>Tidak ada yang perlu disimpan: {unchanged} baris sudah sama dengan basis data.</source>
        <translation>Nothing to save: {unchanged} rows already match the database.</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="337"/>
        <source>&amp;Selesai tanpa perubahan</source>
        <translation>&amp;Finish without changes</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="339"/>
        <source>&amp;Impor 1 baris</source>
        <translation>&amp;Import 1 row</translation>
    </message>
    <message>
        <location filename="../../ui/import_list_pages.py" line="340"/>
        <source>&amp;Impor {n} baris</source>
        <translation>&amp;Import {n} rows</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard.py" line="50"/>
        <source>Impor data</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../../ui/data_menu.py" line="28"/>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../ui/incident_fields.py" line="33"/>
        <source>Cari satuan…</source>
        <translation>Search units…</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="93"/>
        <source>Catat kejadian baru</source>
        <translation>Log new incident</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="111"/>
        <source>Singkat: apa, di mana</source>
        <translation>Short: what, where</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="115"/>
        <source>Kronologi singkat, pelaku, tindakan awal</source>
        <translation>Brief chronology, perpetrators, initial action</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="121"/>
        <source>— pilih wilayah —</source>
        <translation>— choose a region —</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="124"/>
        <location filename="../../ui/incident_form.py" line="336"/>
        <source>— tanpa TPS —</source>
        <translation>— no TPS —</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="128"/>
        <source>Desa, jalan, gedung</source>
        <translation>Village, street, building</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="136"/>
        <source>mis. -1,6</source>
        <translation>e.g. -1.6</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="136"/>
        <source>mis. 103,6</source>
        <translation>e.g. 103.6</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="141"/>
        <source>Waktu pencatatan diisi otomatis saat disimpan.</source>
        <translation>The time logged is filled in automatically on saving.</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="181"/>
        <source>L&amp;intang</source>
        <translation>Lat&amp;itude</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="182"/>
        <source>&amp;Bujur</source>
        <translation>&amp;Longitude</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="190"/>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="191"/>
        <source>&amp;Tingkat</source>
        <translation>Se&amp;verity</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="192"/>
        <source>J&amp;udul</source>
        <translation>T&amp;itle</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="193"/>
        <source>U&amp;raian</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="196"/>
        <source>&amp;Waktu kejadian ({zone})</source>
        <translation>Occurred &amp;at ({zone})</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="200"/>
        <source>Wila&amp;yah</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="201"/>
        <source>TP&amp;S</source>
        <translation>TP&amp;S</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="202"/>
        <source>&amp;Lokasi</source>
        <translation>&amp;Location</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="203"/>
        <source>Titik (derajat)</source>
        <translation>Point (degrees)</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="211"/>
        <source>Korban</source>
        <translation>Casualties</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="213"/>
        <source>&amp;Kerusakan</source>
        <translation>Da&amp;mage</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="214"/>
        <source>Satuan yang
&amp;menangani</source>
        <translation>Responding
&amp;units</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="218"/>
        <source>Simpan (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="218"/>
        <source>Batal (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="99"/>
        <source>Tindak lanjut: apa yang dilakukan, oleh siapa</source>
        <translation>Follow-up: what was done, by whom</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="102"/>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="107"/>
        <source>Ubah status</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="113"/>
        <source>Ubah satuan…</source>
        <translation>Change units…</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="118"/>
        <source>Simpan satuan</source>
        <translation>Save units</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="124"/>
        <source>Ubah t&amp;itik…</source>
        <translation>Change po&amp;int…</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="128"/>
        <source>Lintang, mis. -1,6</source>
        <translation>Latitude, e.g. -1.6</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="128"/>
        <source>Bujur, mis. 103,6</source>
        <translation>Longitude, e.g. 103.6</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="132"/>
        <source>Simpan titik</source>
        <translation>Save point</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="147"/>
        <source>Pilih kejadian di daftar atau di lini masa.</source>
        <translation>Select an incident in the list or on the timeline.</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="151"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="156"/>
        <source>lalu status:</source>
        <translation>then status:</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="169"/>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="206"/>
        <source>(tetap)</source>
        <translation>(unchanged)</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="231"/>
        <source>Terjadi &lt;b&gt;{o}&lt;/b&gt; · dicatat {r} oleh {by}</source>
        <translation>Occurred &lt;b&gt;{o}&lt;/b&gt; · logged {r} by {by}</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="236"/>
        <source>Wilayah: {w}</source>
        <translation>Region: {w}</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="239"/>
        <source>TPS: {t}</source>
        <translation>TPS: {t}</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="241"/>
        <source>Lokasi: {l}</source>
        <translation>Location: {l}</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="245"/>
        <source>Titik: lintang {lat}, bujur {lon}</source>
        <translation>Point: latitude {lat}, longitude {lon}</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="248"/>
        <source>Korban: &lt;b&gt;{d} meninggal, {i} luka&lt;/b&gt;</source>
        <translation>Casualties: &lt;b&gt;{d} dead, {i} injured&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="251"/>
        <source>Kerusakan: {k}</source>
        <translation>Damage: {k}</translation>
    </message>
    <message>
        <location filename="../../ui/incident_detail.py" line="264"/>
        <source>&lt;b&gt;Satuan yang menangani:&lt;/b&gt; {u}</source>
        <translation>&lt;b&gt;Responding units:&lt;/b&gt; {u}</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="466"/>
        <source>Laporan kejadian ini belum disimpan.</source>
        <translation>This incident report has not been saved.</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="107"/>
        <source>ketik atau pilih jenis kejadian</source>
        <translation>type or choose the incident type</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="170"/>
        <source>Meni&amp;nggal</source>
        <translation>&amp;Dead</translation>
    </message>
    <message>
        <location filename="../../ui/incident_form.py" line="170"/>
        <source>Luk&amp;a</source>
        <translation>&amp;Injured</translation>
    </message>
</context>
<context>
    <name>IncidentTimeline</name>
    <message>
        <location filename="../../ui/incident_timeline.py" line="271"/>
        <source>Lini masa kejadian ({zone})</source>
        <translation>Incident timeline ({zone})</translation>
    </message>
    <message>
        <location filename="../../ui/incident_timeline.py" line="143"/>
        <source>Per wilayah</source>
        <translation>By region</translation>
    </message>
    <message>
        <location filename="../../ui/incident_timeline.py" line="123"/>
        <source>Gulir wilayah atau jenis lini masa</source>
        <translation>Scroll the timeline&apos;s regions or types</translation>
    </message>
    <message>
        <location filename="../../ui/incident_timeline.py" line="144"/>
        <source>Per jenis</source>
        <translation>By type</translation>
    </message>
    <message>
        <location filename="../../ui/incident_timeline.py" line="152"/>
        <source>Gulir: perbesar · seret: geser · klik tanda: pilih kejadian</source>
        <translation>Scroll: zoom · drag: pan · click a marker: select the incident</translation>
    </message>
    <message>
        <location filename="../../ui/incident_timeline.py" line="329"/>
        <source>(tanpa wilayah)</source>
        <translation>(no region)</translation>
    </message>
</context>
<context>
    <name>IncidentsModel</name>
    <message>
        <location filename="../../ui/incidents_model.py" line="60"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="60"/>
        <source>Nomor kejadian</source>
        <translation>Incident number</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="64"/>
        <source>Waktu kejadian, waktu operasi ({zone})</source>
        <translation>Time of the incident, operation time ({zone})</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="66"/>
        <source>Tingkat</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="66"/>
        <source>Tingkat keparahan</source>
        <translation>Severity level</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="67"/>
        <location filename="../../ui/incidents_model.py" line="279"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="67"/>
        <source>Baru, Ditangani atau Selesai</source>
        <translation>Baru (new), Ditangani (being handled) or Selesai (closed)</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="68"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="68"/>
        <source>Jenis kejadian</source>
        <translation>Incident type</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="69"/>
        <source>Kejadian</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="69"/>
        <source>Judul kejadian</source>
        <translation>Incident title</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="70"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="70"/>
        <source>Kabupaten/kota dan kecamatan</source>
        <translation>Regency/city and district</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="71"/>
        <source>Korban</source>
        <translation>Casualties</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="71"/>
        <source>Meninggal / luka</source>
        <translation>Dead / injured</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="72"/>
        <source>Satuan</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="72"/>
        <source>Satuan yang menangani</source>
        <translation>Responding units</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="73"/>
        <source>Tindak
lanjut</source>
        <translation>Follow-
ups</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="73"/>
        <source>Jumlah catatan tindak lanjut</source>
        <translation>Number of follow-up notes</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="108"/>
        <source>{d} MD / {i} LL</source>
        <translation>{d} MD / {i} LL</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="160"/>
        <source>Terjadi {o}; dicatat {r} oleh {by}</source>
        <translation>Occurred {o}; logged {r} by {by}</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="166"/>
        <source>MD: meninggal dunia, LL: luka-luka</source>
        <translation>MD: dead (meninggal dunia), LL: injured (luka-luka)</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="283"/>
        <source>{at} oleh {actor}
{text}</source>
        <translation>{at} by {actor}
{text}</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="63"/>
        <location filename="../../ui/incidents_model.py" line="279"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="279"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_model.py" line="279"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>IncidentsPanel</name>
    <message>
        <location filename="../../ui/incidents_panel.py" line="129"/>
        <source>Cari judul, uraian, lokasi… (Ctrl+F)</source>
        <translation>Search title, text, location… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="142"/>
        <source>+ Catat kejadian (Ctrl+N)</source>
        <translation>+ Log incident (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="151"/>
        <source>Kejadian</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="199"/>
        <source>Tahapan</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="200"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="201"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="202"/>
        <source>Tingkat</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="203"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="337"/>
        <source>Semua tahapan</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="338"/>
        <source>Semua wilayah</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="339"/>
        <source>Semua jenis</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="340"/>
        <source>Semua tingkat</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="341"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/incidents_panel.py" line="417"/>
        <source>{n} kejadian · {o} belum selesai</source>
        <translation>Incidents: {n} · open: {o}</translation>
    </message>
    <message>
        <location filename="../../ui/incident_actions.py" line="66"/>
        <source>Perubahan tidak disimpan</source>
        <translation>Change not saved</translation>
    </message>
    <message>
        <location filename="../../ui/incident_actions.py" line="226"/>
        <source>Status {n} menjadi {s}</source>
        <translation>Status of {n} set to {s}</translation>
    </message>
    <message>
        <location filename="../../ui/incident_actions.py" line="255"/>
        <source>Satuan penanganan {n}</source>
        <translation>Responding units of {n}</translation>
    </message>
    <message>
        <location filename="../../ui/incident_actions.py" line="294"/>
        <source>Titik {n}</source>
        <translation>Point {n}</translation>
    </message>
    <message>
        <location filename="../../ui/incident_actions.py" line="148"/>
        <source>Tutup kejadian {severity}</source>
        <translation>Close a {severity} incident</translation>
    </message>
    <message>
        <location filename="../../ui/incident_actions.py" line="149"/>
        <source>Kejadian {code} ({severity}) “{title}” menjadi {status}: keluar dari kejadian terbuka di papan, ringkasan dan layar dinding.</source>
        <translation>Incident {code} ({severity}) “{title}” becomes {status}: it leaves the open incidents on the board, the summary and the video wall.</translation>
    </message>
    <message>
        <location filename="../../ui/incident_actions.py" line="153"/>
        <source>&amp;Tutup kejadian</source>
        <translation>&amp;Close incident</translation>
    </message>
</context>
<context>
    <name>JobWizard</name>
    <message>
        <location filename="../../ui/job_wizard.py" line="88"/>
        <source>B&amp;atal</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="47"/>
        <source>Masuk — OpsCenter</source>
        <translation>Sign in — OpsCenter</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="52"/>
        <source>Buat akun admin pertama</source>
        <translation>Create the first admin account</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="52"/>
        <source>Masuk ke OpsCenter</source>
        <translation>Sign in to OpsCenter</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="56"/>
        <source>Basis data: {url}</source>
        <translation>Database: {url}</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="70"/>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="72"/>
        <source>Nama &amp;lengkap</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="73"/>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="75"/>
        <source>&amp;Ulangi kata sandi</source>
        <translation>Con&amp;firm password</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="78"/>
        <source>Server ini belum memiliki admin. Akun ini dapat membuat akun lain; kata sandi paling sedikit 8 karakter.</source>
        <translation>This server has no administrator yet. This account can create other accounts; the password must be at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="92"/>
        <source>Buat &amp;&amp; masuk</source>
        <translation>Create &amp;&amp; sign in</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="92"/>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="92"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="115"/>
        <source>Isi nama pengguna.</source>
        <translation>Enter a username.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="119"/>
        <source>Kedua kata sandi tidak sama; ketik ulang.</source>
        <translation>The passwords do not match; please type them again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/connection_dialog.py" line="379"/>
        <location filename="../../ui/connection_dialog.py" line="388"/>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="380"/>
        <source>&amp;Keluar</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="398"/>
        <source>Sambungan basis data</source>
        <translation>Database connection</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="399"/>
        <source>Alamat basis data disimpan. OpsCenter memakai basis data baru ini saat dimulai lagi.</source>
        <translation>Database address saved. OpsCenter will use this new database the next time it starts.</translation>
    </message>
    <message>
        <location filename="../../ui/edit_menu.py" line="33"/>
        <source>&amp;Ubah</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/view_menu.py" line="39"/>
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/view_menu.py" line="78"/>
        <source>&amp;Bahasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/view_menu.py" line="124"/>
        <source>Ukuran teks: {percent}%</source>
        <translation>Text size: {percent}%</translation>
    </message>
    <message>
        <location filename="../../ui/view_menu.py" line="126"/>
        <source>Ukuran teks: {percent}%, yang terbesar untuk layar ini</source>
        <translation>Text size: {percent}%, the largest for this screen</translation>
    </message>
    <message>
        <location filename="../../ui/audit_menu.py" line="33"/>
        <source>&amp;Admin</source>
        <translation>&amp;Admin</translation>
    </message>
    <message>
        <location filename="../../ui/audit_menu.py" line="39"/>
        <location filename="../../ui/help_menu.py" line="21"/>
        <source>Ba&amp;ntuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/status_line.py" line="22"/>
        <source>Basis data: {url}</source>
        <translation>Database: {url}</translation>
    </message>
    <message>
        <location filename="../../ui/status_line.py" line="27"/>
        <source>OpsCenter {version}</source>
        <translation>OpsCenter {version}</translation>
    </message>
    <message>
        <location filename="../../ui/problem_banner.py" line="37"/>
        <source>Data tidak dapat dimuat ulang: {reason}</source>
        <translation>Could not reload the data: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>OpsCenter — {name}</source>
        <translation>OpsCenter — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="420"/>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>Keluar dari OpsCenter?</source>
        <translation>Exit OpsCenter?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422"/>
        <source>Keluar</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>Papan, peta dan pantauan berhenti diperbarui di layar ini; data yang tersimpan tetap di basis data.</source>
        <translation>The board, the map and the watch stop updating on this screen; saved data stays in the database.</translation>
    </message>
    <message>
        <location filename="../../ui/status_line.py" line="46"/>
        <source>Diperbarui {time} {zone}</source>
        <translation>Updated {time} {zone}</translation>
    </message>
    <message>
        <location filename="../../ui/problem_banner.py" line="44"/>
        <source>Koneksi ke server basis data terputus sejak {time}. Data di layar mungkin sudah usang; OpsCenter menyambung kembali sendiri. Perubahan ditolak sampai pulih.</source>
        <translation>Connection to the database server lost since {time}. The data on screen may be out of date; OpsCenter will reconnect automatically. Changes are refused until the connection is restored.</translation>
    </message>
    <message>
        <location filename="../../ui/view_menu.py" line="139"/>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/view_menu.py" line="139"/>
        <source>Bahasa tampilan berganti saat OpsCenter dibuka kembali.</source>
        <translation>The interface language changes when OpsCenter is next opened.</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="44"/>
        <source>Tentang OpsCenter</source>
        <translation>About OpsCenter</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="45"/>
        <source>OpsCenter {version}

Aplikasi pusat komando pengamanan Pilkada Serentak 2024 (Operasi Mantap Praja).

Basis data: {url}

Kode dan batas wilayah administrasi: cahyadsn/wilayah dan cahyadsn/wilayah_boundaries (Kepmendagri 2025), lisensi MIT, Copyright (c) Cahya DSN.</source>
        <translation>OpsCenter {version}

Command-room application for securing the 2024 simultaneous regional elections (Operasi Mantap Praja).

Database: {url}

Administrative region codes and boundaries: cahyadsn/wilayah and cahyadsn/wilayah_boundaries (Kepmendagri 2025), MIT licence, Copyright (c) Cahya DSN.</translation>
    </message>
    <message>
        <location filename="../../ui/edit_menu.py" line="148"/>
        <source>Matriks kesiapan belum termuat; coba lagi sebentar.</source>
        <translation>The readiness matrix has not loaded yet; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_menu.py" line="38"/>
        <source>Laporan terjadwal ditulis: {path}</source>
        <translation>Scheduled report written: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_menu.py" line="46"/>
        <source>&amp;Laporan</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../ui/drafts_offer.py" line="34"/>
        <source>Laporan belum disimpan</source>
        <translation>Unsaved reports</translation>
    </message>
    <message>
        <location filename="../../ui/drafts_offer.py" line="36"/>
        <source>Ada {n} laporan kejadian yang belum disimpan dari sesi sebelumnya. Buka kembali?</source>
        <translation>There are {n} unsaved incident reports from the previous session. Open them again?</translation>
    </message>
    <message>
        <location filename="../../ui/drafts_offer.py" line="40"/>
        <source>&amp;Buka kembali</source>
        <translation>&amp;Open again</translation>
    </message>
    <message>
        <location filename="../../ui/drafts_offer.py" line="41"/>
        <source>B&amp;uang</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="410"/>
        <source>Tindak lanjut yang diketik belum disimpan.</source>
        <translation>The follow-up you typed has not been saved.</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../ui/map_panel.py" line="120"/>
        <source>Peta operasi</source>
        <translation>Operation map</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="140"/>
        <source>&amp;Seluruh wilayah operasi</source>
        <translation>&amp;Whole operation area</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="146"/>
        <source>Seluruh &amp;wilayah</source>
        <translation>&amp;Whole area</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="45"/>
        <source>&amp;Kerawanan (Polri)</source>
        <translation>V&amp;ulnerability (Polri)</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="45"/>
        <source>Tingkat kerawanan</source>
        <translation>Vulnerability level</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="46"/>
        <source>Kerawanan proses pemilihan</source>
        <translation>Election-process vulnerability</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="47"/>
        <source>Selisih kekuatan</source>
        <translation>Strength balance</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="48"/>
        <source>Tingkat kesiapan</source>
        <translation>Readiness level</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="49"/>
        <source>Ke&amp;jadian</source>
        <translation>In&amp;cidents</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="49"/>
        <source>Tingkat kejadian</source>
        <translation>Incident severity</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="50"/>
        <source>TPS per ke&amp;camatan</source>
        <translation>TPS by &amp;kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="50"/>
        <source>Kategori TPS</source>
        <translation>TPS category</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="130"/>
        <source>Ta&amp;hapan:</source>
        <translation>&amp;Stage:</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="132"/>
        <source>A&amp;spek:</source>
        <translation>Aspec&amp;t:</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="46"/>
        <source>&amp;IKP Bawaslu</source>
        <translation>IKP &amp;Bawaslu</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="47"/>
        <source>Kekuatan pe&amp;r Polres</source>
        <translation>Stren&amp;gth by Polres</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="48"/>
        <source>Kesiapan per P&amp;olres</source>
        <translation>Readiness b&amp;y Polres</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="52"/>
        <source>Satuan dan &amp;gelar BKO</source>
        <translation>Units and BKO dep&amp;loyment</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="52"/>
        <source>Status satuan</source>
        <translation>Unit status</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="56"/>
        <source>Pemantauan TPS</source>
        <translation>TPS watch</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="56"/>
        <source>TPS yang mencapai langkah</source>
        <translation>TPS that reached the step</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="66"/>
        <source>&amp;Langkah:</source>
        <translation>&amp;Step:</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="78"/>
        <source>Na&amp;ma wilayah</source>
        <translation>Region na&amp;mes</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="81"/>
        <source>Kurang (defisit)</source>
        <translation>Short (deficit)</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="82"/>
        <source>Pas</source>
        <translation>Even</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="83"/>
        <source>Lebih (surplus)</source>
        <translation>Over (surplus)</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="101"/>
        <source>Lapisan</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="149"/>
        <source>Tampilkan seluruh wilayah operasi dan lepas saringan wilayah (Home)</source>
        <translation>Show the whole operation area and take off the region filter (Home)</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="255"/>
        <source>Membaca peta…</source>
        <translation>Reading the map…</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="259"/>
        <source>Peta tidak dapat dibaca; sebentar lagi dicoba lagi.</source>
        <translation>The map could not be read; trying again shortly.</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="261"/>
        <source>Peta tidak dapat dibaca; dicoba lagi pada perubahan berikutnya.</source>
        <translation>The map could not be read; it is tried again at the next change.</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="307"/>
        <source>Belum ada operasi.</source>
        <translation>No operation yet.</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="319"/>
        <source>{n} kabupaten/kota tanpa batas wilayah (kode Kemendagri tidak dikenal).</source>
        <translation>{n} regencies/cities without a boundary (unknown Kemendagri code).</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="354"/>
        <source>Semua aspek (tertinggi)</source>
        <translation>All aspects (highest)</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="514"/>
        <source>Papan satuan dan Kejadian disaring ke {name}</source>
        <translation>Unit board and Incidents filtered to {name}</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="520"/>
        <source>Lepas saringan wila&amp;yah di tab lain</source>
        <translation>Stop filtering other tabs by regi&amp;on</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="521"/>
        <source>Papan satuan dan Kejadian kembali menampilkan semua wilayah</source>
        <translation>Unit board and Incidents show every region again</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="523"/>
        <source>Saring tab lain ke wila&amp;yah ini</source>
        <translation>Filter other tabs to this regi&amp;on</translation>
    </message>
    <message>
        <location filename="../../ui/map_panel.py" line="524"/>
        <source>Papan satuan dan Kejadian hanya menampilkan wilayah ini</source>
        <translation>Unit board and Incidents show only this region</translation>
    </message>
    <message>
        <location filename="../../ui/map_watch.py" line="61"/>
        <source>{kecamatan}: {reached} dari {total} TPS {step} ({share}%), {overdue} terlambat, {disturbed} gangguan</source>
        <translation>{kecamatan}: {reached} of {total} TPS {step} ({share}%), {overdue} overdue, {disturbed} disturbed</translation>
    </message>
    <message>
        <location filename="../../ui/map_watch.py" line="102"/>
        <source>Seluruh {n} kecamatan</source>
        <translation>All {n} kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/map_watch.py" line="134"/>
        <source>Tanpa TPS</source>
        <translation>No TPS</translation>
    </message>
    <message>
        <location filename="../../ui/map_watch.py" line="135"/>
        <source>Ada TPS terlambat</source>
        <translation>TPS overdue</translation>
    </message>
    <message>
        <location filename="../../ui/map_watch.py" line="136"/>
        <source>Ada gangguan (kejadian terbuka di TPS)</source>
        <translation>Disturbed (open incident at a TPS)</translation>
    </message>
    <message>
        <location filename="../../ui/map_area_fills.py" line="75"/>
        <source>Kerawanan, {stage}:</source>
        <translation>Vulnerability, {stage}:</translation>
    </message>
    <message>
        <location filename="../../ui/map_area_fills.py" line="78"/>
        <source>belum dinilai</source>
        <translation>not rated</translation>
    </message>
    <message>
        <location filename="../../ui/map_area_fills.py" line="95"/>
        <source>IKP Bawaslu, {stage}: belum ada</source>
        <translation>Bawaslu IKP, {stage}: none yet</translation>
    </message>
    <message>
        <location filename="../../ui/map_area_fills.py" line="100"/>
        <source>IKP Bawaslu, {stage}: {score} ({level})</source>
        <translation>Bawaslu IKP, {stage}: {score} ({level})</translation>
    </message>
    <message>
        <location filename="../../ui/map_area_fills.py" line="119"/>
        <source>{unit}: kekuatan {available}, kebutuhan {required}, selisih {balance:+d}</source>
        <translation>{unit}: strength {available}, required {required}, balance {balance:+d}</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="139"/>
        <location filename="../../ui/map_tps.py" line="22"/>
        <source>Belum dinilai</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../ui/map_tps.py" line="41"/>
        <source>{kecamatan}: {n} TPS</source>
        <translation>{kecamatan}: {n} TPS</translation>
    </message>
    <message>
        <location filename="../../ui/map_tps.py" line="66"/>
        <source>TPS: {n} di {k} kecamatan</source>
        <translation>TPS: {n} in {k} kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/map_area_fills.py" line="142"/>
        <source>Kesiapan {unit}: {level}</source>
        <translation>Readiness of {unit}: {level}</translation>
    </message>
    <message>
        <location filename="../../ui/map_layer_switches.py" line="143"/>
        <source>Belum ada IKP</source>
        <translation>No IKP yet</translation>
    </message>
    <message>
        <location filename="../../ui/map_units.py" line="53"/>
        <source>Belum ada status</source>
        <translation>No status yet</translation>
    </message>
    <message>
        <location filename="../../ui/map_units.py" line="57"/>
        <source>Panah: BKO dari satuan pemberi ke penerima, setebal jumlah personel</source>
        <translation>Arrows: BKO from the lending to the receiving unit, as wide as the personnel lent</translation>
    </message>
    <message>
        <location filename="../../ui/map_units.py" line="93"/>
        <source>BKO masuk: {n} personel dari {unit}</source>
        <translation>BKO in: {n} personnel from {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/map_units.py" line="96"/>
        <source>BKO keluar: {n} personel ke {unit}</source>
        <translation>BKO out: {n} personnel to {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/map_units.py" line="103"/>
        <source>BKO {n} personel: {lender} → {receiver}</source>
        <translation>BKO of {n} personnel: {lender} → {receiver}</translation>
    </message>
    <message>
        <location filename="../../ui/map_units.py" line="114"/>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/map_units.py" line="118"/>
        <source>Kekuatan {available}, kebutuhan {required}, selisih {balance:+d}</source>
        <translation>Strength {available}, required {required}, balance {balance:+d}</translation>
    </message>
    <message>
        <location filename="../../ui/map_units.py" line="138"/>
        <source>(belum ada)</source>
        <translation>(none yet)</translation>
    </message>
</context>
<context>
    <name>MapReplay</name>
    <message>
        <location filename="../../ui/map_replay.py" line="214"/>
        <source>Tahapan terpilih</source>
        <translation>Selected stage</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="215"/>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="216"/>
        <source>24 jam terakhir</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="217"/>
        <source>Rentang waktu…</source>
        <translation>Time range…</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="220"/>
        <source>P&amp;eriode:</source>
        <translation>Per&amp;iod:</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="224"/>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="225"/>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="225"/>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="233"/>
        <source>Putar ulang kejadian / jeda</source>
        <translation>Play the incidents back / pause</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="241"/>
        <source>Waktu putar ulang kejadian</source>
        <translation>Incident playback time</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="390"/>
        <source>Langsung, sejak {at}</source>
        <translation>Live, since {at}</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="392"/>
        <source>s.d. {at}</source>
        <translation>up to {at}</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="396"/>
        <source>Periode kosong: waktu sampai harus sesudah waktu dari.</source>
        <translation>Empty period: the end must come after the start.</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="398"/>
        <source>Periode kosong: waktu dari belum tiba.</source>
        <translation>Empty period: its start has not come yet.</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="401"/>
        <source>Periode {start} s.d. {end}</source>
        <translation>Period {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="408"/>
        <source>MASA LALU: kejadian s.d. {at}, bukan keadaan saat ini</source>
        <translation>THE PAST: incidents up to {at}, not the present</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="455"/>
        <source>Jeda putar ulang</source>
        <translation>Pause playback</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="455"/>
        <source>Putar ulang</source>
        <translation>Play back</translation>
    </message>
    <message>
        <location filename="../../ui/map_replay.py" line="457"/>
        <source>Putar ulang kejadian periode ini ({keys})</source>
        <translation>Play this period&apos;s incidents back ({keys})</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/map_view.py" line="115"/>
        <source>Peta operasi</source>
        <translation>Operation map</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="119"/>
        <source>Tambah akun</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="122"/>
        <source>satu kata tanpa spasi, mis. jambi.op.baru</source>
        <translation>one word without spaces, e.g. jambi.op.baru</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="132"/>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="133"/>
        <source>Nama &amp;lengkap</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="134"/>
        <source>&amp;Peran</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="135"/>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="136"/>
        <source>&amp;Ulangi kata sandi</source>
        <translation>Con&amp;firm password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="140"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="140"/>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_dialog.py" line="160"/>
        <source>Akun baru ini belum disimpan.</source>
        <translation>This new account has not been saved.</translation>
    </message>
</context>
<context>
    <name>OperationForm</name>
    <message>
        <location filename="../../ui/operation_form.py" line="145"/>
        <source>Tidak disimpan</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/operation_form.py" line="159"/>
        <source>Daftar dibaca ulang: periksa isinya, lalu ulangi bila perlu.</source>
        <translation>The list was read again: check it, then try again if needed.</translation>
    </message>
    <message>
        <location filename="../../ui/operation_form.py" line="192"/>
        <source>Ctrl+Enter menyimpan isian yang terbuka · Ctrl+Z mengurungkan · Esc menutup</source>
        <translation>Ctrl+Enter saves the open form · Ctrl+Z undoes · Esc closes</translation>
    </message>
    <message>
        <location filename="../../ui/operation_form.py" line="198"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/operation_form.py" line="201"/>
        <source>&amp;Urungkan</source>
        <translation>Und&amp;o</translation>
    </message>
    <message>
        <location filename="../../ui/operation_form.py" line="393"/>
        <source>&amp;Satuan:</source>
        <translation>&amp;Unit:</translation>
    </message>
</context>
<context>
    <name>OperationHeader</name>
    <message>
        <location filename="../../ui/operation_header.py" line="21"/>
        <source>Tanggal pemungutan suara belum ditetapkan</source>
        <translation>Voting date not yet set</translation>
    </message>
    <message>
        <location filename="../../ui/operation_header.py" line="23"/>
        <source>Hari pemungutan suara</source>
        <translation>Voting day</translation>
    </message>
    <message>
        <location filename="../../ui/operation_header.py" line="25"/>
        <source>H-{n} pemungutan suara</source>
        <translation>{n} days to voting</translation>
    </message>
    <message>
        <location filename="../../ui/operation_header.py" line="26"/>
        <source>H+{n} pemungutan suara</source>
        <translation>{n} days after voting</translation>
    </message>
    <message>
        <location filename="../../ui/operation_header.py" line="39"/>
        <source>KEPOLISIAN NEGARA REPUBLIK INDONESIA / {command}</source>
        <translation>KEPOLISIAN NEGARA REPUBLIK INDONESIA / {command}</translation>
    </message>
    <message>
        <location filename="../../ui/operation_header.py" line="46"/>
        <source>Provinsi {name}</source>
        <translation>{name} Province</translation>
    </message>
    <message>
        <location filename="../../ui/operation_header.py" line="56"/>
        <source>jadwal belum ditetapkan</source>
        <translation>schedule not yet set</translation>
    </message>
    <message>
        <location filename="../../ui/operation_header.py" line="156"/>
        <source>Tahapan belum dimulai</source>
        <translation>No stage has started yet</translation>
    </message>
    <message>
        <location filename="../../ui/operation_header.py" line="159"/>
        <source>Tahapan: {name}</source>
        <translation>Stage: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/operation_header.py" line="171"/>
        <source>Pemungutan suara: {day}</source>
        <translation>Voting: {day}</translation>
    </message>
</context>
<context>
    <name>OperationPage</name>
    <message>
        <location filename="../../ui/operation_page.py" line="116"/>
        <location filename="../../ui/operation_page.py" line="231"/>
        <source>Papan satuan</source>
        <translation>Unit board</translation>
    </message>
    <message>
        <location filename="../../ui/operation_page.py" line="119"/>
        <location filename="../../ui/operation_page.py" line="200"/>
        <source>Kekuatan</source>
        <translation>Strength</translation>
    </message>
    <message>
        <location filename="../../ui/operation_page.py" line="120"/>
        <location filename="../../ui/operation_page.py" line="140"/>
        <source>Tahapan</source>
        <translation>Stages</translation>
    </message>
    <message>
        <location filename="../../ui/operation_page.py" line="121"/>
        <location filename="../../ui/operation_page.py" line="146"/>
        <location filename="../../ui/operation_page.py" line="232"/>
        <source>Kejadian</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/operation_page.py" line="122"/>
        <location filename="../../ui/operation_page.py" line="158"/>
        <source>Kesiapan</source>
        <translation>Readiness</translation>
    </message>
    <message>
        <location filename="../../ui/operation_page.py" line="123"/>
        <location filename="../../ui/operation_page.py" line="170"/>
        <source>Peta</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/operation_page.py" line="124"/>
        <location filename="../../ui/operation_page.py" line="178"/>
        <source>Pantau TPS</source>
        <translation>TPS watch</translation>
    </message>
</context>
<context>
    <name>PendingWrite</name>
    <message>
        <location filename="../../ui/pending.py" line="39"/>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>PlanningModels</name>
    <message>
        <location filename="../../ui/planning_models.py" line="121"/>
        <source>{region}, {aspect}: belum dinilai. Klik dua kali untuk mengisi.</source>
        <translation>{region}, {aspect}: not yet assessed. Double-click to fill in.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="126"/>
        <source>{region}, {aspect}: {level}</source>
        <translation>{region}, {aspect}: {level}</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="163"/>
        <source>Indeks Kerawanan Pemilu (IKP) Bawaslu, 0–100: kerawanan proses pemilihan, bukan ketertiban umum. Tidak dipakai untuk mengurutkan penebalan. Diisi lewat impor Excel.</source>
        <translation>Bawaslu Election Vulnerability Index (IKP), 0–100: vulnerability of the electoral process, not public order. Not used to rank reinforcements. Filled in by Excel import.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="188"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="192"/>
        <source>IKP
Bawaslu</source>
        <translation>Bawaslu
IKP</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="193"/>
        <source>Skor Bawaslu (0–100): kerawanan proses pemilihan</source>
        <translation>Bawaslu score (0–100): vulnerability of the electoral process</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="186"/>
        <source>Penilaian Polri (ketertiban umum); klik dua kali sel untuk mengubah</source>
        <translation>Polri assessment (public order); double-click a cell to change it</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="259"/>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="259"/>
        <source>Polres/Polresta dengan Polsek jajarannya; lalu cadangan Polda</source>
        <translation>Polres/Polresta with their Polsek; then the Polda reserve</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="260"/>
        <source>Kerawanan</source>
        <translation>Vulnerability</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="260"/>
        <source>Tingkat Polri tertinggi di wilayahnya pada tahapan ini</source>
        <translation>Highest Polri level in its area during this stage</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="261"/>
        <source>Kebu-
tuhan</source>
        <translation>Re-
quired</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="261"/>
        <source>Personel Polri menurut pola pengamanan TPS</source>
        <translation>Polri personnel according to the TPS guard pattern</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="262"/>
        <source>Keku-
atan</source>
        <translation>Actual
strength</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="262"/>
        <source>Personel aktif + BKO masuk − BKO keluar</source>
        <translation>Active personnel + BKO in − BKO out</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="263"/>
        <source>Selisih</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="263"/>
        <source>Kekuatan dikurangi kebutuhan: negatif berarti kurang</source>
        <translation>Strength minus required: negative means short</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="265"/>
        <source>Kurang
di pos</source>
        <translation>Short
on posts</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="266"/>
        <source>Personel yang masih kurang di pos pengamanan TPS setelah plotting tahapan ini (–: belum diplot). Perwira Kompol ke atas tidak menjaga TPS.</source>
        <translation>Personnel still missing on the TPS guard posts after this stage&apos;s plotting (–: not plotted yet). Officers of Kompol and above do not guard a TPS.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="272"/>
        <source>Dapat
dipinjam</source>
        <translation>Can be
lent</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="273"/>
        <source>Polres: porsi yang dikerahkan dikurangi kebutuhannya sendiri (sisanya tetap di markas). Cadangan: seluruh kekuatannya.</source>
        <translation>Polres: the deployed share minus its own requirement (the rest stays at headquarters). Reserve: its whole strength.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="289"/>
        <source>cadangan</source>
        <translation>reserve</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="290"/>
        <location filename="../../ui/planning_models.py" line="426"/>
        <source>belum dinilai</source>
        <translation>not yet assessed</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="326"/>
        <source>Cadangan Polda: tidak menjaga TPS, seluruh kekuatannya dapat diperbantukan</source>
        <translation>Polda reserve: guards no TPS; its whole strength can be deployed as BKO</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="328"/>
        <source>{name}: {tps} TPS ({unrated} belum dinilai, dihitung dengan pola paling ketat), {linmas} Linmas dibutuhkan</source>
        <translation>{name}: {tps} TPS ({unrated} not rated, counted at the strictest pattern), {linmas} Linmas required</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="338"/>
        <source>{name}: {tps} TPS, {linmas} Linmas dibutuhkan</source>
        <translation>{name}: {tps} TPS, {linmas} Linmas required</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="350"/>
        <source>Tahapan ini belum diplot: kebutuhan dihitung dari kekuatan saja.</source>
        <translation>This stage has no plotting yet: the need is computed from strength alone.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="354"/>
        <source>{name}: {short} personel kurang di pos setelah plotting; {free} personel sendiri belum diplot (plotting ulang menempatkannya); perlu penebalan {need}.</source>
        <translation>{name}: {short} personnel short on posts after the plotting; {free} of its own people not yet plotted (a new plotting places them); reinforcement needed {need}.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="401"/>
        <source>Untuk</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="401"/>
        <source>Satuan yang kekurangan personel</source>
        <translation>Unit short of personnel</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="405"/>
        <source>Kera-
wanan</source>
        <translation>Vulnera-
bility</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="406"/>
        <source>Kerawanan tertinggi wilayahnya: yang tertinggi dilayani dulu</source>
        <translation>Highest vulnerability in its area: the highest is served first</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="408"/>
        <source>Kurang</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="408"/>
        <source>Kekurangan sebelum penebalan</source>
        <translation>Shortfall before reinforcement</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="409"/>
        <location filename="../../ui/planning_models.py" line="475"/>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="409"/>
        <source>Cadangan Polda atau Polres yang berlebih</source>
        <translation>Polda reserve or a Polres with a surplus</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="410"/>
        <source>Jumlah</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="410"/>
        <source>Personel yang di-BKO-kan</source>
        <translation>Personnel assigned as BKO</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="411"/>
        <source>Sisa di
sumber</source>
        <translation>Left at
source</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="411"/>
        <source>Kekuatan yang tinggal di satuan sumber</source>
        <translation>Strength remaining in the source unit</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="473"/>
        <source>TPS</source>
        <translation>TPS</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="473"/>
        <source>Nomor TPS dan desa/kelurahannya</source>
        <translation>TPS number and its village (desa/kelurahan)</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="474"/>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="474"/>
        <source>Kecamatan tempat TPS</source>
        <translation>District (kecamatan) of the TPS</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="475"/>
        <source>Kategori yang tersimpan</source>
        <translation>The saved category</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="476"/>
        <source>Menjadi</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="476"/>
        <source>Kategori yang dicoba (belum disimpan)</source>
        <translation>The category being tried (not saved)</translation>
    </message>
    <message>
        <location filename="../../ui/planning_models.py" line="495"/>
        <source>{tps}, {kecamatan}: {old} → {new} (belum disimpan)</source>
        <translation>{tps}, {kecamatan}: {old} → {new} (not saved)</translation>
    </message>
</context>
<context>
    <name>PlanningWindow</name>
    <message>
        <location filename="../../ui/planning_heat.py" line="52"/>
        <source>— kosong —</source>
        <translation>— empty —</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="43"/>
        <source>Bagaimana jika: pola pengamanan a-b-c</source>
        <translation>What if: guard pattern a-b-c</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="55"/>
        <source>Kategori TPS</source>
        <translation>TPS category</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="56"/>
        <source>Polisi (a)</source>
        <translation>Police (a)</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="56"/>
        <source>a: jumlah polisi per regu</source>
        <translation>a: police officers per squad</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="57"/>
        <source>TPS (b)</source>
        <translation>TPS (b)</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="57"/>
        <source>b: jumlah TPS yang dijaga satu regu</source>
        <translation>b: TPS guarded by one squad</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="58"/>
        <source>Linmas (c)</source>
        <translation>Linmas (c)</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="58"/>
        <source>c: jumlah Linmas untuk b TPS</source>
        <translation>c: Linmas for b TPS</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="59"/>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="59"/>
        <source>Pola yang tersimpan di basis data</source>
        <translation>The pattern saved in the database</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="66"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="68"/>
        <source>Simpan pola ini untuk operasi (tercatat di jurnal)</source>
        <translation>Save this pattern for the operation (recorded in the log)</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="69"/>
        <source>Kembalikan</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="71"/>
        <source>Buang perubahan yang belum disimpan</source>
        <translation>Discard unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="180"/>
        <source>Angka di atas memakai pola BELUM TERSIMPAN. Usulan penebalan tidak dapat diterima sebelum pola disimpan atau dikembalikan.</source>
        <translation>The figures above use an UNSAVED pattern. Reinforcement proposals cannot be accepted until the pattern is saved or reverted.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="185"/>
        <source>Angka memakai {n} perubahan kategori TPS BELUM TERSIMPAN. Usulan penebalan tidak dapat diterima sebelum disimpan atau dikembalikan.</source>
        <translation>The figures use UNSAVED TPS category changes ({n}). Reinforcement proposals cannot be accepted until they are saved or reverted.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="190"/>
        <source>Pola pengamanan juga diubah.</source>
        <translation>The guard pattern has also been changed.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="197"/>
        <source>Memakai pola yang tersimpan.</source>
        <translation>Using the saved pattern.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="205"/>
        <source>Bagaimana jika: kategori TPS</source>
        <translation>What if: TPS categories</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="227"/>
        <source>Te&amp;rapkan</source>
        <translation>Appl&amp;y</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="230"/>
        <source>Coba kategori ini untuk TPS terpilih; angka dihitung ulang, belum disimpan</source>
        <translation>Try this category for the selected TPS; the figures are recalculated, nothing is saved</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="236"/>
        <source>Ke&amp;camatan:</source>
        <translation>Distri&amp;ct:</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="237"/>
        <source>T&amp;PS:</source>
        <translation>T&amp;PS:</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="238"/>
        <source>Kate&amp;gori baru:</source>
        <translation>New cate&amp;gory:</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="244"/>
        <source>&amp;Hapus</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="246"/>
        <source>Buang perubahan TPS yang dipilih dari bagaimana-jika</source>
        <translation>Remove the selected TPS changes from the what-if</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="263"/>
        <source>Perubahan kategori TPS yang belum disimpan (Delete: hapus)</source>
        <translation>Unsaved TPS category changes (Delete: remove)</translation>
    </message>
    <message>
        <location filename="../../ui/planning_forms.py" line="277"/>
        <source>Belum dinilai</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="89"/>
        <location filename="../../ui/planning_window.py" line="146"/>
        <source>Kerawanan dan penebalan</source>
        <translation>Vulnerability and reinforcement</translation>
    </message>
    <message>
        <location filename="../../ui/stage_choice.py" line="46"/>
        <source>&amp;Tahapan:</source>
        <translation>&amp;Stage:</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="167"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="170"/>
        <source>Ekspor Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="171"/>
        <source>Impor Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/banner.py" line="29"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/banner.py" line="30"/>
        <source>Tutup pesan ini</source>
        <translation>Close this message</translation>
    </message>
    <message>
        <location filename="../../ui/planning_heat.py" line="105"/>
        <source>Peta kerawanan</source>
        <translation>Vulnerability map</translation>
    </message>
    <message>
        <location filename="../../ui/planning_heat.py" line="97"/>
        <source>Tampilkan &amp;kecamatan</source>
        <translation>Show &amp;districts</translation>
    </message>
    <message>
        <location filename="../../ui/planning_heat.py" line="100"/>
        <source>Nilai juga per kecamatan; kerawanan tertinggi kecamatan ikut menentukan urutan penebalan Polres-nya</source>
        <translation>Also assess by district (kecamatan); a district&apos;s highest vulnerability also sets its Polres&apos;s place in the reinforcement order</translation>
    </message>
    <message>
        <location filename="../../ui/planning_heat.py" line="107"/>
        <source>Penilaian Polri per aspek: klik dua kali sel untuk mengubah. IKP Bawaslu mengukur proses pemilihan, bukan ketertiban umum; ditampilkan terpisah.</source>
        <translation>Polri assessment by aspect: double-click a cell to change it. The Bawaslu IKP measures the electoral process, not public order; it is shown separately.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="68"/>
        <location filename="../../ui/planning_plan.py" line="183"/>
        <source>Kebutuhan dan kekuatan per Polres</source>
        <translation>Required and strength by Polres</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="93"/>
        <source>Buat penugasan BKO untuk tahapan ini dari usulan yang dipilih (tanpa pilihan: semua usulan). Dapat diurungkan dengan Ctrl+Z.</source>
        <translation>Create BKO assignments for this stage from the selected proposals (nothing selected: all proposals). Can be undone with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="98"/>
        <source>Usulan penebalan (BKO)</source>
        <translation>Reinforcement proposals (BKO)</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="89"/>
        <source>Terima usulan</source>
        <translation>Accept proposals</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="248"/>
        <source>Basis data ini belum berisi operasi.</source>
        <translation>This database does not contain an operation yet.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_heat.py" line="148"/>
        <source>Tingkat: </source>
        <translation>Levels: </translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="172"/>
        <source>Tidak ada usulan: tidak ada kekurangan yang dapat ditutup.</source>
        <translation>No proposals: there is no shortfall that can be covered.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="181"/>
        <source>Kebutuhan dan kekuatan per Polres — BAGAIMANA JIKA (belum disimpan)</source>
        <translation>Required and strength by Polres — WHAT IF (not saved)</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="188"/>
        <source>Tidak ada Polres yang kekurangan personel pada tahapan {stage}.</source>
        <translation>No Polres is short of personnel in the stage {stage}.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="195"/>
        <source>{n} Polres kurang {total} personel</source>
        <translation>{n} Polres short of {total} personnel</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="201"/>
        <source>{name} kurang {total} personel</source>
        <translation>{name} short of {total} personnel</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="203"/>
        <source>{name} kurang {total} personel di pos pengamanan TPS menurut plotting</source>
        <translation>{name} is short of {total} police on its guard posts in the plotting</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="208"/>
        <source>; {total} belum tertutup oleh cadangan dan Polres lain.</source>
        <translation>; {total} not covered by the reserve and other Polres.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="212"/>
        <source>; usulan di bawah menutup semuanya.</source>
        <translation>; the proposals below cover all of it.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="216"/>
        <source>{name} kurang {n} personel di pos pengamanan TPS menurut plotting</source>
        <translation>{name} is short of {n} police on its guard posts in the plotting</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="225"/>
        <source>{n} TPS belum dinilai, dihitung dengan pola pengamanan paling ketat.</source>
        <translation>{n} TPS not rated, counted at the strictest guard pattern.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_plan.py" line="230"/>
        <source>{name}: kurang {n}, belum tertutup {left}</source>
        <translation>{name}: short {n}, not covered {left}</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="413"/>
        <source>{n} personel di-BKO-kan untuk tahapan ini; Ctrl+Z untuk menarik kembali.</source>
        <translation>{n} personnel assigned as BKO for this stage; Ctrl+Z to withdraw them.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_workbook.py" line="63"/>
        <source>Ekspor matriks kerawanan</source>
        <translation>Export vulnerability matrix</translation>
    </message>
    <message>
        <location filename="../../ui/planning_workbook.py" line="65"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/planning_workbook.py" line="80"/>
        <source>{n} penilaian ditulis ke {path}.</source>
        <translation>Assessments written to {path}: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_workbook.py" line="87"/>
        <location filename="../../ui/planning_workbook.py" line="148"/>
        <source>Impor matriks kerawanan</source>
        <translation>Import vulnerability matrix</translation>
    </message>
    <message>
        <location filename="../../ui/planning_workbook.py" line="89"/>
        <source>Buku kerja (*.xlsx *.xls *.xlsb *.ods)</source>
        <translation>Workbooks (*.xlsx *.xls *.xlsb *.ods)</translation>
    </message>
    <message>
        <location filename="../../ui/planning_workbook.py" line="121"/>
        <source>Impor selesai: {new} baru, {changed} berubah, {same} tetap.</source>
        <translation>Import done: {new} new, {changed} changed, {same} unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_workbook.py" line="142"/>
        <source>Impor dibatalkan; tidak ada yang disimpan.</source>
        <translation>Import cancelled; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_workbook.py" line="160"/>
        <source>Berkas {path} ditolak, tidak ada yang disimpan. Perbaiki {n} sel berikut lalu impor lagi:</source>
        <translation>File {path} rejected; nothing was saved. Correct the following cells ({n}) and import again:</translation>
    </message>
    <message>
        <location filename="../../ui/planning_workbook.py" line="167"/>
        <source>… dan {n} sel lainnya.</source>
        <translation>… and {n} more cells.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_workbook.py" line="170"/>
        <source>Sel yang salah ditandai merah di {path}.</source>
        <translation>The wrong cells are marked red in {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_menu.py" line="24"/>
        <source>&amp;Perencanaan</source>
        <translation>&amp;Planning</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="472"/>
        <source>Perubahan bagaimana-jika belum disimpan.</source>
        <translation>The what-if changes have not been saved.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="423"/>
        <source>{n} personel dari {source} ke {to}</source>
        <translation>{n} personnel from {source} to {to}</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="99"/>
        <source>Membaca angka terbaru…</source>
        <translation>Reading the latest figures…</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="428"/>
        <source>{n} personel akan di-BKO-kan untuk tahapan {stage}:</source>
        <translation>{n} personnel will be assigned (BKO) for the stage {stage}:</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="433"/>
        <source>Terima usulan penebalan</source>
        <translation>Accept reinforcement proposals</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="435"/>
        <source>&amp;Terima dan BKO-kan</source>
        <translation>&amp;Accept and assign</translation>
    </message>
    <message>
        <location filename="../../ui/planning_window.py" line="436"/>
        <source>Ctrl+Z menarik kembali penebalan ini.</source>
        <translation>Ctrl+Z withdraws this reinforcement.</translation>
    </message>
    <message>
        <location filename="../../ui/planning_commands.py" line="82"/>
        <source>perubahan kerawanan</source>
        <translation>vulnerability change</translation>
    </message>
    <message>
        <location filename="../../ui/planning_commands.py" line="137"/>
        <source>penerimaan penebalan {n} personel</source>
        <translation>acceptance of reinforcement of {n} personnel</translation>
    </message>
    <message>
        <location filename="../../ui/planning_commands.py" line="172"/>
        <source>penyimpanan perubahan kategori TPS</source>
        <translation>saving of TPS category changes</translation>
    </message>
    <message>
        <location filename="../../ui/planning_commands.py" line="174"/>
        <source>penyimpanan pola pengamanan</source>
        <translation>saving of guard pattern</translation>
    </message>
</context>
<context>
    <name>PlottingWindow</name>
    <message>
        <location filename="../../ui/plotting_actions.py" line="368"/>
        <source>Daftar plotting, PDF (*.pdf)</source>
        <translation>Plotting list, PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="367"/>
        <source>Daftar plotting, Excel (*.xlsx)</source>
        <translation>Plotting list, Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="370"/>
        <source>Surat penugasan per personel, PDF (*.pdf)</source>
        <translation>Assignment slips per officer, PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="49"/>
        <source>satuan tidak diketahui</source>
        <translation>unknown unit</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="51"/>
        <source>Anggota {unit}, Polsek yang wilayahnya mencakup kecamatan ini.</source>
        <translation>Member of {unit}, the Polsek whose area covers this kecamatan.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="55"/>
        <source>Dari {unit}: Polsek-nya tidak cukup personel.</source>
        <translation>From {unit}: its Polsek is short of personnel.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="57"/>
        <source>Kelebihan personel {unit}, Polsek lain di Polres yang sama.</source>
        <translation>Surplus of {unit}, another Polsek of the same Polres.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="59"/>
        <source>BKO dari {unit}, sesuai rencana penebalan.</source>
        <translation>BKO from {unit}, as the reinforcement plan has it.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="60"/>
        <source>Ditempatkan dengan tangan (satuan asal {unit}).</source>
        <translation>Placed by hand (home unit {unit}).</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="65"/>
        <source>Pos {number} {kecamatan} ({placed}/{need} personel)</source>
        <translation>Post {number} {kecamatan} ({placed}/{need} officers)</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="186"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="187"/>
        <source>Pos</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="187"/>
        <source>Nomor pos di kecamatannya</source>
        <translation>The post&apos;s number within its kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="188"/>
        <source>TPS</source>
        <translation>Polling stations</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="189"/>
        <source>Pola</source>
        <translation>Pattern</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="189"/>
        <source>Pola pengamanan a-b-c yang diikuti pos</source>
        <translation>The a-b-c guard pattern the post follows</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="190"/>
        <source>Perlu</source>
        <translation>Needed</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="190"/>
        <source>Personel Polri yang dibutuhkan pos</source>
        <translation>Polri officers the post needs</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="191"/>
        <source>Personel</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="191"/>
        <source>Personel yang ditempatkan; ketua pos lebih dulu</source>
        <translation>Officers placed; the post&apos;s leader first</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="192"/>
        <source>Kurang</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="192"/>
        <source>Personel yang masih kurang</source>
        <translation>Officers still missing</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="193"/>
        <source>Pengecualian</source>
        <translation>Exception</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="193"/>
        <source>Alasan pos melebihi polanya</source>
        <translation>Why the post holds more than its pattern</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="213"/>
        <source>Ketua: {name}</source>
        <translation>Leader: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="269"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="270"/>
        <location filename="../../ui/plotting_models.py" line="317"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="270"/>
        <source>Pangkat dan nama</source>
        <translation>Rank and name</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="271"/>
        <location filename="../../ui/plotting_models.py" line="317"/>
        <source>NRP</source>
        <translation>NRP</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="272"/>
        <source>Kunci</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="272"/>
        <source>Penempatan terkunci tetap di tempatnya saat plotting otomatis</source>
        <translation>A locked placement stays where it is when plotting automatically</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="273"/>
        <source>Alasan penempatan</source>
        <translation>Why placed here</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="281"/>
        <source>Ketua</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="281"/>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="287"/>
        <source>Terkunci</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="317"/>
        <source>Pangkat</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_models.py" line="317"/>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="79"/>
        <location filename="../../ui/plotting_window.py" line="126"/>
        <source>Plotting pengamanan TPS</source>
        <translation>Polling-station guard plotting</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="118"/>
        <source>Peran Anda hanya dapat membaca plotting; perubahan dilakukan oleh staf.</source>
        <translation>Your role can only read the plotting; staff make the changes.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="134"/>
        <source>&amp;Satuan:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="143"/>
        <source>kecamatan, desa, nama atau NRP</source>
        <translation>kecamatan, desa, name or NRP</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="145"/>
        <source>Menyaring pos (kecamatan, desa, nama dan NRP personelnya) dan cadangan (nama, NRP, pangkat dan satuan).</source>
        <translation>Narrows the posts (kecamatan, desa, their officers&apos; names and NRP) and the reserve (name, NRP, rank and unit).</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="152"/>
        <source>&amp;Cari:</source>
        <translation>Searc&amp;h:</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="193"/>
        <source>&amp;Plotting</source>
        <translation>&amp;Plotting</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="195"/>
        <source>&amp;Bentuk pos dari pola</source>
        <translation>&amp;Form posts from the patterns</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="196"/>
        <source>Plotting &amp;otomatis…</source>
        <translation>&amp;Automatic plotting…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="198"/>
        <source>&amp;Pindahkan TPS ke pos…</source>
        <translation>&amp;Move a polling station to a post…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="199"/>
        <source>P&amp;ecah pos…</source>
        <translation>S&amp;plit a post…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="200"/>
        <source>&amp;Gabungkan pos…</source>
        <translation>Mer&amp;ge posts…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="202"/>
        <source>&amp;Tempatkan personel…</source>
        <translation>Place an &amp;officer…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="203"/>
        <source>T&amp;ukar personel…</source>
        <translation>S&amp;wap officers…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="204"/>
        <source>&amp;Kunci / buka kunci</source>
        <translation>&amp;Lock / unlock</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="206"/>
        <source>Kembalikan ke &amp;cadangan…</source>
        <translation>Return to the &amp;reserve…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="212"/>
        <source>&amp;Impor plotting dari Excel…</source>
        <translation>&amp;Import plotting from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="222"/>
        <source>Ekspor &amp;daftar plotting…</source>
        <translation>&amp;Export the plotting list…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="229"/>
        <source>Ekspor &amp;surat penugasan (PDF)…</source>
        <translation>Export the assignment &amp;slips (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="233"/>
        <source>&amp;Ubah</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="251"/>
        <source>&amp;Muat ulang</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="326"/>
        <source>P&amp;os pengamanan</source>
        <translation>Guard p&amp;osts</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="276"/>
        <location filename="../../ui/plotting_window.py" line="355"/>
        <source>P&amp;ersonel pos</source>
        <translation>Officers of the pos&amp;t</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_window.py" line="374"/>
        <source>Ca&amp;dangan</source>
        <translation>Rese&amp;rve</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="90"/>
        <source>Basis data ini belum berisi operasi.</source>
        <translation>This database holds no operation yet.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="137"/>
        <source>Semua satuan</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="152"/>
        <source>Semua Polsek</source>
        <translation>All Polsek</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="198"/>
        <source>Ca&amp;dangan: {n} dari {all} personel cocok dengan “{typed}”</source>
        <translation>Rese&amp;rve: {n} of {all} officers match “{typed}”</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="207"/>
        <source>Ca&amp;dangan: {all} personel (tak ada yang cocok dengan “{typed}”, semua ditampilkan)</source>
        <translation>Rese&amp;rve: {all} officers (none match “{typed}”, all shown)</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="213"/>
        <source>Ca&amp;dangan: {n} personel</source>
        <translation>Rese&amp;rve: {n} officers</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="225"/>
        <source>, … dan {n} kecamatan lain</source>
        <translation>, … and {n} more kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="229"/>
        <source>Kekurangan {n} personel di {k} kecamatan: {parts}.</source>
        <translation>Short of {n} officers in {k} kecamatan: {parts}.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="235"/>
        <source>Dihitung per pos: petugas yang masih kurang di tiap pos, dari personel yang sudah ditempatkan. Tab Kekuatan menghitung per Polres (seluruh personel terhadap kebutuhan), jadi angkanya dapat berbeda.</source>
        <translation>Counted per post: the officers each post still lacks, from the personnel placed so far. The Strength tab counts per Polres (all personnel against the requirement), so the figures can differ.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="245"/>
        <source>{n} pos, semuanya terisi penuh.</source>
        <translation>{n} posts, all fully staffed.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="247"/>
        <source>Tak ada pos yang cocok dengan “{typed}”.</source>
        <translation>No post matches “{typed}”.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="251"/>
        <source>Belum ada pos untuk tahapan ini: pilih Bentuk pos dari pola.</source>
        <translation>No posts for this stage yet: choose Form posts from the patterns.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_reads.py" line="272"/>
        <source>P&amp;ersonel pos {number} {kecamatan}</source>
        <translation>Officers of pos&amp;t {number} {kecamatan}</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="97"/>
        <source>{posts} pos baru, {tps} TPS ditempatkan ke pos.</source>
        <translation>{posts} new posts, {tps} polling stations placed in posts.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="110"/>
        <source>Plotting otomatis</source>
        <translation>Automatic plotting</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="111"/>
        <source>{n} personel sudah ditempatkan, {locked} di antaranya dikunci. Yang dikunci dan yang masih sah tetap di tempatnya; sisanya dapat dipindahkan.</source>
        <translation>{n} officers are already placed, {locked} of them locked. The locked ones and those still valid stay where they are; the others may move.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="115"/>
        <source>&amp;Jalankan plotting</source>
        <translation>&amp;Run the plotting</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="124"/>
        <source>{kept} tetap, {placed} ditempatkan, {removed} dilepas; cadangan {reserve}, kekurangan {short} personel.</source>
        <translation>{kept} kept, {placed} placed, {removed} released; {reserve} in reserve, {short} officers short.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="52"/>
        <source>Pilih dulu pos yang TPS-nya akan dipindahkan.</source>
        <translation>First choose the post whose polling station is to move.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="55"/>
        <source>Kecamatan ini hanya punya satu pos; tidak ada pos tujuan.</source>
        <translation>This kecamatan has only one post; there is no post to move to.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="177"/>
        <source>Pindahkan TPS ke pos</source>
        <translation>Move a polling station to a post</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="178"/>
        <source>&amp;TPS:</source>
        <translation>&amp;Polling station:</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="179"/>
        <location filename="../../ui/plotting_actions.py" line="262"/>
        <source>Ke &amp;pos:</source>
        <translation>To &amp;post:</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="188"/>
        <source>Melebihi pola</source>
        <translation>Beyond the pattern</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="189"/>
        <source>Pos {number} mengikuti pola {pattern} ({limit} TPS). Alasan pengecualian:</source>
        <translation>Post {number} follows pattern {pattern} ({limit} polling stations). Reason for the exception:</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="215"/>
        <source>Pilih dulu pos dengan dua TPS atau lebih untuk dipecah.</source>
        <translation>First choose a post with two or more polling stations to split.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="216"/>
        <source>Pecah pos {n}</source>
        <translation>Split post {n}</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="217"/>
        <source>TPS ke &amp;pos baru:</source>
        <translation>Polling stations to the new &amp;post:</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="58"/>
        <source>Pilih dulu pos yang akan digabungkan.</source>
        <translation>First choose the post to merge.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="59"/>
        <source>Kecamatan ini hanya punya satu pos; tidak ada yang digabung.</source>
        <translation>This kecamatan has only one post; there is nothing to merge.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="235"/>
        <source>Gabungkan pos {n}</source>
        <translation>Merge post {n}</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="236"/>
        <source>Ke &amp;dalam pos:</source>
        <translation>&amp;Into post:</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="47"/>
        <source>Pilih satu personel (di pos atau di cadangan) lebih dulu.</source>
        <translation>First choose one officer (on a post or in the reserve).</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="116"/>
        <source>Plotting otomatis tidak dapat diurungkan dengan Ctrl+Z.</source>
        <translation>Automatic plotting cannot be undone with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="260"/>
        <source>Tempatkan personel</source>
        <translation>Place an officer</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="298"/>
        <source>penempatan personel</source>
        <translation>placement of an officer</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="298"/>
        <source>pengembalian ke cadangan</source>
        <translation>return to the reserve</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="309"/>
        <source>Pilih personel di pos yang akan ditukar.</source>
        <translation>Choose the officer on a post to swap.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="313"/>
        <source>{person} ({nrp}), pos {number} {kecamatan}</source>
        <translation>{person} ({nrp}), post {number} {kecamatan}</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="325"/>
        <source>Tukar {person}</source>
        <translation>Swap {person}</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="326"/>
        <source>&amp;Dengan:</source>
        <translation>&amp;With:</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="338"/>
        <source>Pilih personel di pos yang akan dikunci atau dibuka.</source>
        <translation>Choose the officer on a post to lock or unlock.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="347"/>
        <source>Pilih personel di pos yang akan dikembalikan ke cadangan.</source>
        <translation>Choose the officer on a post to return to the reserve.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="351"/>
        <source>Kembalikan ke cadangan</source>
        <translation>Return to the reserve</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="352"/>
        <source>{name} dilepas dari posnya dan kembali ke cadangan.</source>
        <translation>{name} is taken off the post and back in the reserve.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="355"/>
        <source>&amp;Kembalikan</source>
        <translation>&amp;Return</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="356"/>
        <source>Ctrl+Z menempatkannya kembali.</source>
        <translation>Ctrl+Z puts them back.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="382"/>
        <source>Ekspor daftar plotting</source>
        <translation>Export the plotting list</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="389"/>
        <source>Ekspor surat penugasan</source>
        <translation>Export the assignment slips</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="425"/>
        <source>Ekspor plotting</source>
        <translation>Export the plotting</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="398"/>
        <source>Membaca plotting…</source>
        <translation>Reading the plotting…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="398"/>
        <source>Menyusun halaman…</source>
        <translation>Laying out the pages…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="413"/>
        <source>Ditulis ke {path}.</source>
        <translation>Written to {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="419"/>
        <source>Ekspor dibatalkan; berkas tidak ditulis.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_actions.py" line="421"/>
        <source>Menulis {path}…</source>
        <translation>Writing {path}…</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_dialogs.py" line="90"/>
        <source>{field}: pilih salah satu.</source>
        <translation>{field}: choose one.</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_commands.py" line="62"/>
        <source>pemindahan TPS</source>
        <translation>move of a polling station</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_commands.py" line="133"/>
        <source>pemecahan pos</source>
        <translation>split of a post</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_commands.py" line="186"/>
        <source>penggabungan pos</source>
        <translation>merge of posts</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_commands.py" line="274"/>
        <source>pertukaran personel</source>
        <translation>swap of officers</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_commands.py" line="314"/>
        <source>penguncian penempatan</source>
        <translation>locking of a placement</translation>
    </message>
    <message>
        <location filename="../../ui/plotting_commands.py" line="314"/>
        <source>pembukaan kunci</source>
        <translation>unlocking of a placement</translation>
    </message>
</context>
<context>
    <name>ReadinessDialog</name>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="51"/>
        <source>Nilai kesiapan</source>
        <translation>Judge readiness</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="59"/>
        <source>Data menunjukkan: {level}</source>
        <translation>The data suggests: {level}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="61"/>
        <source>Data belum cukup untuk menilai aspek ini.</source>
        <translation>Not enough data to assess this aspect.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="82"/>
        <source>&amp;Catatan (wajib bila tidak siap)</source>
        <translation>&amp;Note (required unless ready)</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="86"/>
        <source>mis. 2 truk rusak berat, menunggu suku cadang</source>
        <translation>e.g. 2 trucks badly damaged, waiting for spare parts</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="90"/>
        <source>&amp;Dasar penilaian (boleh dikosongkan)</source>
        <translation>&amp;Evidence (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="92"/>
        <source>mis. kunjungan Kapolda 12-11-2024</source>
        <translation>e.g. Kapolda&apos;s visit 12-11-2024</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="98"/>
        <source>1–3 memilih tingkat · Ctrl+Enter menyimpan · Esc batal</source>
        <translation>1–3 choose the level · Ctrl+Enter saves · Esc cancels</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="105"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="108"/>
        <source>B&amp;atal</source>
        <translation>C&amp;ancel</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="112"/>
        <source>&amp;Hapus penilaian</source>
        <translation>&amp;Clear judgement</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="115"/>
        <source>Hapus penilaian ini: tingkat sel mengikuti data</source>
        <translation>Clear this judgement: the cell follows the data</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_dialog.py" line="198"/>
        <source>Penilaian kesiapan ini belum disimpan.</source>
        <translation>This readiness judgement has not been saved.</translation>
    </message>
</context>
<context>
    <name>ReadinessEvidence</name>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="73"/>
        <source>belum ada data</source>
        <translation>no data yet</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="94"/>
        <source>Satuan ini tidak lagi dinilai.</source>
        <translation>This unit is no longer assessed.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="113"/>
        <source>keseluruhan</source>
        <translation>overall</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="115"/>
        <source>Per aspek</source>
        <translation>By aspect</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="126"/>
        <source>{polda} — rekap</source>
        <translation>{polda} — summary</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="126"/>
        <source>Polda</source>
        <translation>Polda</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="129"/>
        <source>Tahapan: {stage}</source>
        <translation>Stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="137"/>
        <source>{n} tindak lanjut lewat tenggat</source>
        <translation>{n} follow-ups overdue</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="145"/>
        <source>Penilaian petugas</source>
        <translation>Officer&apos;s judgement</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="148"/>
        <source>Belum dinilai: tingkat sel mengikuti data.</source>
        <translation>Not judged: the cell&apos;s level follows the data.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="152"/>
        <source>Catatan: {note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="154"/>
        <source>Dasar: {evidence}</source>
        <translation>Evidence: {evidence}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="158"/>
        <source>Oleh {who}, {when}</source>
        <translation>By {who}, {when}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="167"/>
        <source>Yang ditunjukkan data</source>
        <translation>What the data suggests</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="169"/>
        <source>Data belum cukup untuk menilai aspek ini.</source>
        <translation>Not enough data to assess this aspect.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="173"/>
        <source>Penilaian petugas berbeda dari data (ditandai *).</source>
        <translation>The officer&apos;s judgement differs from the data (marked *).</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="188"/>
        <source>Kebutuhan {need} personel, tersedia {have}: cukup</source>
        <translation>Need {need} personnel, available {have}: enough</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="191"/>
        <source>Kebutuhan {need} personel, tersedia {have}: kurang {short}</source>
        <translation>Need {need} personnel, available {have}: short {short}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="201"/>
        <source>Semua {n} jenis sarpras memenuhi kebutuhan</source>
        <translation>All {n} equipment types meet the requirement</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="202"/>
        <source>{n} jenis sarpras di bawah kebutuhan; terparah {name}: butuh {need}, laik pakai {have}, kurang {short}</source>
        <translation>{n} equipment types below the requirement; worst {name}: need {need}, usable {have}, short {short}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="217"/>
        <source>Pagu {pagu} menutup kebutuhan {need}</source>
        <translation>Ceiling {pagu} covers the need of {need}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="221"/>
        <source>Pagu {pagu} dari kebutuhan {need}: {share} %</source>
        <translation>Ceiling {pagu} of a need of {need}: {share} %</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="225"/>
        <source>{n} tindak lanjut temuan lewat tenggat</source>
        <translation>{n} finding follow-ups overdue</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="227"/>
        <source>{n} temuan belum selesai ditindaklanjuti</source>
        <translation>{n} findings not yet followed up</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="247"/>
        <source>Personel</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="250"/>
        <source>Kebutuhan {need} (TPS {tps}); personel sendiri {own}, BKO masuk {bko_in}, BKO keluar {bko_out}: tersedia {have}</source>
        <translation>Need {need} (TPS {tps}); own personnel {own}, BKO in {bko_in}, BKO out {bko_out}: available {have}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="264"/>
        <source>Sarana prasarana</source>
        <translation>Equipment and facilities</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="271"/>
        <source>Tidak ada kekurangan ({n} jenis tercatat).</source>
        <translation>No shortfall ({n} types recorded).</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="278"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="279"/>
        <source>Butuh</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="280"/>
        <source>Baik</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="281"/>
        <source>RR</source>
        <translation>LD</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="282"/>
        <source>RB</source>
        <translation>HD</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="283"/>
        <source>Kurang</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="295"/>
        <source>RR: rusak ringan, RB: rusak berat; yang laik pakai dihitung tersedia.</source>
        <translation>LD: lightly damaged, HD: heavily damaged; items fit for use count as available.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="305"/>
        <source>Anggaran</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="312"/>
        <source>Kebutuhan: {v}</source>
        <translation>Need: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="313"/>
        <source>Pagu: {v}</source>
        <translation>Ceiling (pagu): {v}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="314"/>
        <source>Realisasi: {v}</source>
        <translation>Realised: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="327"/>
        <source>Temuan terbuka</source>
        <translation>Open findings</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="327"/>
        <source>Temuan terbuka (semua aspek)</source>
        <translation>Open findings (all aspects)</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="334"/>
        <source>Tidak ada temuan terbuka.</source>
        <translation>No open findings.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="44"/>
        <source>terbuka</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="44"/>
        <source>dalam proses</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="339"/>
        <source>tanpa tenggat</source>
        <translation>no due date</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="343"/>
        <source>Saran: {advice} · PJ: {who} · tenggat {due} · {status}</source>
        <translation>Advice: {advice} · in charge: {who} · due {due} · {status}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="349"/>
        <source>LEWAT TENGGAT</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="354"/>
        <source>Kunjungan terakhir</source>
        <translation>Latest visit</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="36"/>
        <source>kunjungan kerja</source>
        <translation>working visit</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="37"/>
        <source>supervisi</source>
        <translation>supervision</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="38"/>
        <source>asistensi</source>
        <translation>assistance</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="44"/>
        <source>selesai</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="323"/>
        <source>Hak yang sudah dibayar: {p}%</source>
        <translation>Entitlements paid: {p}%</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="359"/>
        <source>{date}, {kind} dipimpin {lead}</source>
        <translation>{date}, {kind} led by {lead}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="366"/>
        <source>Tim: {team}</source>
        <translation>Team: {team}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="368"/>
        <source>Yang diperiksa: {what}</source>
        <translation>Checked: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="369"/>
        <source>{n} temuan</source>
        <translation>{n} findings</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_evidence.py" line="387"/>
        <source>Pilih satu sel matriks untuk melihat dasar penilaiannya.</source>
        <translation>Choose a cell of the matrix to see what its level rests on.</translation>
    </message>
</context>
<context>
    <name>ReadinessListsDialog</name>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="59"/>
        <source>kekuatan personel</source>
        <translation>personnel strength</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="60"/>
        <source>sarpras terhadap kebutuhan</source>
        <translation>sarpras against need</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="61"/>
        <source>pagu terhadap kebutuhan</source>
        <translation>pagu against need</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="62"/>
        <source>penilaian dan temuan saja</source>
        <translation>judgements and findings only</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="68"/>
        <source>Kendaraan</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="69"/>
        <source>Komunikasi</source>
        <translation>Communications</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="70"/>
        <source>Dalmas</source>
        <translation>Riot control</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="71"/>
        <source>Teknologi</source>
        <translation>Technology</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="72"/>
        <source>Senjata api</source>
        <translation>Firearms</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="73"/>
        <source>Posko</source>
        <translation>Command post</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="79"/>
        <source>tanpa kebutuhan</source>
        <translation>no requirement</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="80"/>
        <source>regu pengamanan TPS</source>
        <translation>TPS guard team</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="81"/>
        <source>TPS di tiap kecamatan</source>
        <translation>TPS in each kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="82"/>
        <source>kecamatan</source>
        <translation>kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="83"/>
        <source>personel pengamanan TPS</source>
        <translation>TPS guard personnel</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="84"/>
        <source>satuan (Polda, Polres, Polresta)</source>
        <translation>unit (Polda, Polres, Polresta)</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="92"/>
        <source>Tanpa aturan: kebutuhan {name} tidak dihitung.</source>
        <translation>No rule: the need for {name} is not computed.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="95"/>
        <source>{quantity} {name} per {what}</source>
        <translation>{quantity} {name} per {what}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="96"/>
        <source>{quantity} {name} per {per} {what}</source>
        <translation>{quantity} {name} per {per} {what}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="114"/>
        <location filename="../../ui/readiness_lists_models.py" line="145"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="115"/>
        <location filename="../../ui/readiness_lists_models.py" line="146"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="116"/>
        <source>Inggris</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="116"/>
        <source>Nama dalam bahasa Inggris</source>
        <translation>Name in English</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="117"/>
        <source>Tingkat dari data</source>
        <translation>Level from data</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="117"/>
        <source>Data yang menurunkan tingkat kesiapannya</source>
        <translation>The data that derives its readiness level</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="118"/>
        <location filename="../../ui/readiness_lists_models.py" line="149"/>
        <source>Dipakai</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="118"/>
        <source>Penilaian dan temuan pada aspek ini</source>
        <translation>Judgements and findings on this aspect</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_category_forms.py" line="90"/>
        <location filename="../../ui/readiness_lists_models.py" line="144"/>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="147"/>
        <source>Ukuran</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="148"/>
        <source>Aturan kebutuhan</source>
        <translation>Requirement rule</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="148"/>
        <source>Aturan</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_models.py" line="149"/>
        <source>Baris sarpras satuan pada kategori ini</source>
        <translation>Units&apos; sarpras rows in this category</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="89"/>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="91"/>
        <source>mis. logistik-pemilu</source>
        <translation>e.g. election-logistics</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="95"/>
        <source>boleh kosong</source>
        <translation>may be empty</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="98"/>
        <source>K&amp;ode</source>
        <translation>C&amp;ode</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="99"/>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="100"/>
        <source>Nama &amp;Inggris</source>
        <translation>&amp;English name</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="103"/>
        <source>&amp;Tambah</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="106"/>
        <source>Terpilih</source>
        <translation>Chosen</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="114"/>
        <source>Nama &amp;baru</source>
        <translation>New na&amp;me</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="115"/>
        <source>Nama In&amp;ggris baru</source>
        <translation>New En&amp;glish name</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="116"/>
        <source>Ganti na&amp;ma</source>
        <translation>Rena&amp;me</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="118"/>
        <source>Nai&amp;k</source>
        <translation>Move u&amp;p</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="120"/>
        <source>Ctrl+Atas di daftar</source>
        <translation>Ctrl+Up in the list</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="121"/>
        <source>Tu&amp;run</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="123"/>
        <source>Ctrl+Bawah di daftar</source>
        <translation>Ctrl+Down in the list</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="124"/>
        <source>&amp;Hapus…</source>
        <translation>&amp;Remove…</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="126"/>
        <source>Delete di daftar</source>
        <translation>Delete in the list</translation>
    </message>
    <message>
        <location filename="../../ui/reference_list_page.py" line="191"/>
        <source>Pilih di daftar.</source>
        <translation>Choose in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="63"/>
        <source>Daftar aspek kesiapan dan kategori sarpras</source>
        <translation>Readiness aspects and sarpras categories</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="65"/>
        <source>Isian daftar aspek atau sarpras belum disimpan.</source>
        <translation>Typed entries of the aspect or sarpras lists are not saved yet.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="72"/>
        <source>aspek</source>
        <translation>aspect</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="73"/>
        <source>Da&amp;ftar aspek (urutan kolom matriks kesiapan)</source>
        <translation>Aspect &amp;list (the readiness matrix&apos;s column order)</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="81"/>
        <source>kategori</source>
        <translation>category</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="82"/>
        <source>Da&amp;ftar kategori sarpras</source>
        <translation>Sarpras category &amp;list</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="88"/>
        <source>&amp;Aspek kesiapan</source>
        <translation>Readiness &amp;aspects</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="89"/>
        <source>Kategori &amp;sarpras</source>
        <translation>&amp;Sarpras categories</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_category_forms.py" line="79"/>
        <location filename="../../ui/readiness_lists_dialog.py" line="118"/>
        <source>unit, buah, pucuk …</source>
        <translation>unit, piece, barrel …</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="121"/>
        <source>Ke&amp;lompok</source>
        <translation>Gro&amp;up</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="122"/>
        <source>Dihitung &amp;dalam</source>
        <translation>Counted &amp;in</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_category_forms.py" line="76"/>
        <source>Kelompok dan ukuran kategori terpilih</source>
        <translation>Group and measure of the chosen category</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_category_forms.py" line="80"/>
        <source>Mencatat jumlah amunisi</source>
        <translation>Records an ammunition count</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_category_forms.py" line="83"/>
        <source>Tidak dapat dilepas selama data sarpras kategori ini berisi jumlah amunisi.</source>
        <translation>Cannot be turned off while sarpras records of this category hold an ammunition count.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_category_forms.py" line="86"/>
        <source>&amp;Catat kelompok dan ukuran</source>
        <translation>&amp;Change group and measure</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_category_forms.py" line="90"/>
        <source>dalam</source>
        <translation>in</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_category_forms.py" line="125"/>
        <source>Aturan kebutuhan kategori terpilih</source>
        <translation>Requirement rule of the chosen category</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_category_forms.py" line="145"/>
        <source>&amp;Jumlah</source>
        <translation>&amp;Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_category_forms.py" line="146"/>
        <source>p&amp;er</source>
        <translation>p&amp;er</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_category_forms.py" line="159"/>
        <source>Sim&amp;pan aturan</source>
        <translation>Sa&amp;ve rule</translation>
    </message>
    <message>
        <location filename="../../ui/reference_lists_dialog.py" line="81"/>
        <source>Ctrl+Enter menyimpan isian yang terbuka · Ctrl+Atas/Bawah memindah · Delete menghapus · Ctrl+Z mengurungkan · Esc menutup</source>
        <translation>Ctrl+Enter saves the open entry · Ctrl+Up/Down moves · Delete removes · Ctrl+Z undoes · Esc closes</translation>
    </message>
    <message>
        <location filename="../../ui/reference_lists_dialog.py" line="141"/>
        <source>Tambah {noun} {name}</source>
        <translation>Add {noun} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/reference_lists_dialog.py" line="159"/>
        <source>Ganti nama {noun} {old} menjadi {new}</source>
        <translation>Rename {noun} {old} to {new}</translation>
    </message>
    <message>
        <location filename="../../ui/reference_lists_dialog.py" line="223"/>
        <source>Naikkan {noun} {name}</source>
        <translation>Move {noun} {name} up</translation>
    </message>
    <message>
        <location filename="../../ui/reference_lists_dialog.py" line="223"/>
        <source>Turunkan {noun} {name}</source>
        <translation>Move {noun} {name} down</translation>
    </message>
    <message>
        <location filename="../../ui/reference_lists_dialog.py" line="235"/>
        <source>Hapus {noun}</source>
        <translation>Remove {noun}</translation>
    </message>
    <message>
        <location filename="../../ui/reference_lists_dialog.py" line="236"/>
        <source>Hapus {noun} “{name}” ({code}) dari daftar?</source>
        <translation>Remove {noun} “{name}” ({code}) from the list?</translation>
    </message>
    <message>
        <location filename="../../ui/reference_lists_dialog.py" line="239"/>
        <source>&amp;Hapus</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../ui/reference_lists_dialog.py" line="240"/>
        <source>Ditolak bila masih dipakai; Ctrl+Z mengembalikannya.</source>
        <translation>Refused while still in use; Ctrl+Z brings it back.</translation>
    </message>
    <message>
        <location filename="../../ui/reference_lists_dialog.py" line="259"/>
        <source>Hapus {noun} {name}</source>
        <translation>Remove {noun} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="220"/>
        <source>Aturan {name}: {rule}</source>
        <translation>Rule {name}: {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_lists_dialog.py" line="249"/>
        <source>Kelompok dan ukuran {name}: {group}, {measure}</source>
        <translation>Group and measure of {name}: {group}, {measure}</translation>
    </message>
</context>
<context>
    <name>ReadinessModel</name>
    <message>
        <location filename="../../ui/readiness_model.py" line="48"/>
        <location filename="../../ui/readiness_model.py" line="53"/>
        <source>Siap</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="49"/>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="50"/>
        <source>Belum</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="54"/>
        <source>Siap dengan catatan</source>
        <translation>Ready with notes</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="55"/>
        <source>Belum siap</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="100"/>
        <source>Tanpa tingkat</source>
        <translation>No level</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="106"/>
        <source>{n} siap</source>
        <translation>{n} ready</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="107"/>
        <source>{n} catatan</source>
        <translation>{n} with notes</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="108"/>
        <source>{n} belum</source>
        <translation>{n} not ready</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="111"/>
        <source>{n} tanpa data</source>
        <translation>{n} without data</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="157"/>
        <source>{polda} (rekap)</source>
        <translation>{polda} (summary)</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="157"/>
        <source>Polda</source>
        <translation>Polda</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="263"/>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="263"/>
        <source>Polres dan satuan Polda yang dinilai</source>
        <translation>Polres and Polda units assessed</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="265"/>
        <source>Semua
aspek</source>
        <translation>All
aspects</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="265"/>
        <source>Keseluruhan: aspek terburuk satuan ini</source>
        <translation>Overall: this unit&apos;s worst aspect</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="292"/>
        <source>Aspek terburuk satuan ini</source>
        <translation>This unit&apos;s worst aspect</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="299"/>
        <source>Penilaian petugas; data menunjukkan: {level}</source>
        <translation>Officer&apos;s judgement; the data suggests: {level}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="303"/>
        <source>Dari data; belum dinilai petugas</source>
        <translation>From the data; not judged by an officer</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_model.py" line="322"/>
        <location filename="../../ui/readiness_model.py" line="347"/>
        <source>{n} tindak lanjut lewat tenggat</source>
        <translation>{n} follow-ups overdue</translation>
    </message>
</context>
<context>
    <name>ReadinessPanel</name>
    <message>
        <location filename="../../ui/readiness_panel.py" line="120"/>
        <source>Kesiapan operasi</source>
        <translation>Operational readiness</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="125"/>
        <source>Nilai sel…</source>
        <translation>Judge cell…</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="127"/>
        <source>Nilai kesiapan sel terpilih (Enter, F2)</source>
        <translation>Judge the selected cell&apos;s readiness (Enter, F2)</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="133"/>
        <source>Nilai sel (Enter)</source>
        <translation>Judge cell (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="139"/>
        <source>Laporan kesiapan…</source>
        <translation>Readiness report…</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="142"/>
        <source>Cetak kesiapan setiap Polres ke PDF atau Excel ({keys})</source>
        <translation>Print the readiness of every Polres to PDF or Excel ({keys})</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="228"/>
        <source>Kesiapan tidak dapat dimuat: {reason}</source>
        <translation>Readiness could not be loaded: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="261"/>
        <source>Belum ada operasi</source>
        <translation>No operation yet</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="264"/>
        <source>Tahapan: {stage}</source>
        <translation>Stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="321"/>
        <source>— tanpa data · * penilaian petugas berbeda dari data · ⚠ tindak lanjut lewat tenggat · baris rekap: jumlah satuan siap · catatan · belum</source>
        <translation>— no data · * officer&apos;s judgement differs from the data · ⚠ follow-ups overdue · summary row: units ready · with notes · not ready</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="333"/>
        <source>Enter/F2: nilai sel terpilih</source>
        <translation>Enter/F2: judge the selected cell</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="338"/>
        <source>{n} satuan · {m} aspek</source>
        <translation>{n} units · {m} aspects</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="404"/>
        <source>Peran Anda hanya dapat melihat kesiapan.</source>
        <translation>Your role can only view readiness.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_panel.py" line="411"/>
        <source>Pilih sel satu satuan pada satu aspek dulu, lalu tekan Enter atau F2.</source>
        <translation>First choose the cell of one unit on one aspect, then press Enter or F2.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_judging.py" line="134"/>
        <source>Nilai kesiapan {cell}</source>
        <translation>Judge readiness of {cell}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_judging.py" line="134"/>
        <source>Hapus penilaian {cell}</source>
        <translation>Clear the judgement of {cell}</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_judging.py" line="196"/>
        <source>Matriks dibaca ulang: periksa penilaian yang baru, lalu nilai lagi bila perlu.</source>
        <translation>The matrix was read again: check the new judgement, then judge again if needed.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_judging.py" line="205"/>
        <source>Penilaian tidak disimpan</source>
        <translation>Judgement not saved</translation>
    </message>
</context>
<context>
    <name>ReadinessReport</name>
    <message>
        <location filename="../../ui/readiness_report.py" line="34"/>
        <source>Laporan kesiapan, PDF (*.pdf)</source>
        <translation>Readiness report, PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_report.py" line="35"/>
        <source>Matriks kesiapan, Excel (*.xlsx)</source>
        <translation>Readiness matrix, Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_report.py" line="77"/>
        <source>Simpan laporan kesiapan</source>
        <translation>Save the readiness report</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_report.py" line="92"/>
        <source>Membaca matriks kesiapan…</source>
        <translation>Reading the readiness matrix…</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_report.py" line="93"/>
        <source>Menulis {name}…</source>
        <translation>Writing {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_report.py" line="103"/>
        <source>Menulis laporan kesiapan ke {path}…</source>
        <translation>Writing the readiness report to {path}…</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_report.py" line="107"/>
        <location filename="../../ui/readiness_report.py" line="124"/>
        <source>Laporan kesiapan</source>
        <translation>Readiness report</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_report.py" line="110"/>
        <source>Laporan kesiapan dibatalkan; berkas tidak ditulis.</source>
        <translation>Readiness report cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_report.py" line="117"/>
        <source>Laporan kesiapan {number} disimpan ke {path}.</source>
        <translation>Readiness report {number} saved to {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_report.py" line="119"/>
        <source>Matriks kesiapan disimpan ke {path}.</source>
        <translation>Readiness matrix saved to {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_report.py" line="130"/>
        <source>&amp;Buka berkas</source>
        <translation>&amp;Open file</translation>
    </message>
    <message>
        <location filename="../../ui/readiness_report.py" line="135"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>RegionsImport</name>
    <message>
        <location filename="../../ui/regions_import.py" line="76"/>
        <location filename="../../ui/regions_import.py" line="83"/>
        <source>Pilih berkas batas wilayah</source>
        <translation>Choose a boundaries file</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="78"/>
        <source>GeoJSON, Shapefile dalam zip (.shp dengan .dbf, derajat WGS 84) atau CSV berkolom kode dan nama.</source>
        <translation>GeoJSON, a zipped Shapefile (.shp with .dbf, WGS 84 degrees) or a CSV with code and name columns.</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="89"/>
        <source>Membaca berkas…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="96"/>
        <source>Kolom</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="98"/>
        <source>Kolom yang memuat kode Kemendagri dan nama wilayah; ganti bila keliru.</source>
        <translation>The columns holding the Kemendagri code and the region&apos;s name; change them if wrong.</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="106"/>
        <source>Kolom k&amp;ode:</source>
        <translation>C&amp;ode column:</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="108"/>
        <source>Kolom na&amp;ma:</source>
        <translation>Na&amp;me column:</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="212"/>
        <source>&amp;Selesai tanpa perubahan</source>
        <translation>&amp;Finish without changes</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="214"/>
        <source>&amp;Simpan {n} perubahan</source>
        <translation>&amp;Save {n} changes</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="139"/>
        <source>Pilih kolom kode dan kolom nama wilayah.</source>
        <translation>Choose the code column and the region name column.</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="141"/>
        <source>Kolom kode dan kolom nama tidak boleh sama.</source>
        <translation>The code column and the name column cannot be the same.</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="156"/>
        <source>Memeriksa wilayah…</source>
        <translation>Checking the regions…</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="167"/>
        <source>Pratinjau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="172"/>
        <source>Batas yang diimpor disimpan di basis data, dipakai semua workstation, dan menggantikan batas bawaan berkode sama.</source>
        <translation>Imported boundaries are kept in the database, used by every workstation, and replace the shipped boundaries of the same code.</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="192"/>
        <source>{rows} wilayah dari {file} (kolom kode {code}, nama {name}).
Batas wilayah: {new} baru, {changed} berubah (nama atau bentuk), {unchanged} tetap; {repaired} bentuk diperbaiki saat dibaca.
{codes} wilayah operasi mendapat kode Kemendagri-nya.</source>
        <translation>{rows} regions from {file} (code column {code}, name {name}).
Boundaries: {new} new, {changed} changed (name or shape), {unchanged} unchanged; {repaired} shapes repaired when read.
{codes} of the operation&apos;s regions get their Kemendagri code.</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="227"/>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="239"/>
        <source>Tidak ada yang berubah: basis data sudah sama dengan berkas.</source>
        <translation>Nothing changed: the database already matches the file.</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="240"/>
        <source>Tersimpan dalam satu transaksi (jurnal #{txn}): {new} batas baru, {changed} berubah, {codes} wilayah mendapat kodenya. Peta yang terbuka segera memakainya.</source>
        <translation>Saved in one transaction (journal #{txn}): {new} new boundaries, {changed} changed, {codes} regions got their code. An open map uses them at once.</translation>
    </message>
    <message>
        <location filename="../../ui/regions_import.py" line="261"/>
        <source>Impor batas wilayah</source>
        <translation>Import region boundaries</translation>
    </message>
</context>
<context>
    <name>Replication</name>
    <message>
        <location filename="../../ui/replication_view.py" line="59"/>
        <source>Server cadangan (hanya-baca): tidak menerima data dari server utama; data di layar bisa usang</source>
        <translation>Standby (read-only): not receiving from the primary; the data shown may be out of date</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="67"/>
        <source>Server cadangan (hanya-baca): data {seconds} dtk di belakang</source>
        <translation>Standby (read-only): data {seconds} s behind</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="74"/>
        <source>Replikasi sinkron: setiap perubahan tersimpan di dua server</source>
        <translation>Synchronous replication: every change is stored on two servers</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="77"/>
        <source>Server cadangan sinkron tidak tersambung: setiap perubahan tertahan menunggunya</source>
        <translation>The synchronous standby is not connected: every change waits for it</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="82"/>
        <source>Status replikasi tidak dapat dibaca (akun basis data tanpa pg_monitor)</source>
        <translation>Replication status cannot be read (database account without pg_monitor)</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="87"/>
        <source>Replikasi tidak sinkron: perubahan terbaru bisa hilang bila server mati</source>
        <translation>Asynchronous replication: the latest changes can be lost if the server dies</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="91"/>
        <source>Tanpa server cadangan: perubahan hanya tersimpan di satu server</source>
        <translation>No standby: changes are stored on one server only</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="102"/>
        <source>Cadangan: tidak menerima dari server utama</source>
        <translation>Standby: not receiving from the primary</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="103"/>
        <source>Cadangan (hanya-baca): data {seconds} dtk di belakang</source>
        <translation>Standby (read-only): data {seconds} s behind</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="107"/>
        <source>Replikasi sinkron: dua server</source>
        <translation>Synchronous replication: two servers</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="108"/>
        <source>Cadangan sinkron terputus: perubahan tertahan</source>
        <translation>Synchronous standby gone: changes wait</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="109"/>
        <source>Replikasi: tidak terbaca</source>
        <translation>Replication: cannot be read</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="112"/>
        <source>Replikasi tidak sinkron</source>
        <translation>Asynchronous replication</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="112"/>
        <source>Tanpa server cadangan</source>
        <translation>No standby</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="151"/>
        <source>tidak terlihat</source>
        <translation>not visible</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="164"/>
        <source>Server cadangan</source>
        <translation>Standby</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="164"/>
        <source>application_name dalam primary_conninfo</source>
        <translation>application_name in primary_conninfo</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="165"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="166"/>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="166"/>
        <source>streaming: menerima perubahan saat ini</source>
        <translation>streaming: receiving changes now</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="167"/>
        <source>Sinkron</source>
        <translation>Synchronous</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="167"/>
        <source>sync/quorum: setiap perubahan menunggu server ini</source>
        <translation>sync/quorum: every change waits for this server</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="168"/>
        <source>Tertinggal (dtk)</source>
        <translation>Behind (s)</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="168"/>
        <source>replay_lag: sampai perubahan tampil di sana</source>
        <translation>replay_lag: until a change shows there</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="169"/>
        <source>Tertinggal (bita)</source>
        <translation>Behind (bytes)</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="169"/>
        <source>WAL yang belum diterapkan di sana</source>
        <translation>WAL not yet applied there</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="204"/>
        <source>Status replikasi</source>
        <translation>Replication status</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="226"/>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="245"/>
        <source>Membaca status replikasi…</source>
        <translation>Reading the replication status…</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="259"/>
        <source>Basis data SQLite di satu komputer: tidak ada replikasi.</source>
        <translation>An SQLite database on one computer: no replication.</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="264"/>
        <source>server cadangan</source>
        <translation>a standby</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="264"/>
        <source>server utama</source>
        <translation>the primary</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="265"/>
        <source>Tersambung ke {role}. {state}.</source>
        <translation>Connected to {role}. {state}.</translation>
    </message>
    <message>
        <location filename="../../ui/replication_view.py" line="267"/>
        <source>synchronous_standby_names = &apos;{names}&apos;; synchronous_commit = {commit}</source>
        <translation>synchronous_standby_names = &apos;{names}&apos;; synchronous_commit = {commit}</translation>
    </message>
</context>
<context>
    <name>SarprasDialog</name>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="119"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="120"/>
        <source>Baik</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="120"/>
        <source>Dipegang satuan ini sendiri, kondisi baik</source>
        <translation>Held by this unit itself, in good order</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="121"/>
        <source>Rusak
ringan</source>
        <translation>Lightly
damaged</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="121"/>
        <source>Dipegang satuan ini sendiri, rusak ringan</source>
        <translation>Held by this unit itself, lightly damaged</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="122"/>
        <source>Rusak
berat</source>
        <translation>Badly
damaged</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="122"/>
        <source>Dipegang satuan ini sendiri, rusak berat</source>
        <translation>Held by this unit itself, badly damaged</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="123"/>
        <source>Laik
pakai</source>
        <translation>Fit for
use</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="123"/>
        <source>Boleh dipakai (sudah diperiksa laik)</source>
        <translation>May be used (inspected as fit)</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="124"/>
        <source>Kebutuhan</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="124"/>
        <source>Kebutuhan termasuk satuan di bawahnya</source>
        <translation>Requirement including the units under it</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="125"/>
        <source>Siap
pakai</source>
        <translation>Ready
for use</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="125"/>
        <source>Baik dan rusak ringan yang laik pakai, dengan bawahan</source>
        <translation>Good and lightly damaged items fit for use, with the units under it</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="126"/>
        <source>Kurang</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="126"/>
        <source>Kebutuhan dikurangi yang siap pakai</source>
        <translation>Requirement less what is usable</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="159"/>
        <source>Dihitung dalam {measure}</source>
        <translation>Counted in {measure}</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="219"/>
        <source>Sarpras satuan</source>
        <translation>Unit equipment</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="220"/>
        <source>Jumlah sarpras yang diketik belum disimpan.</source>
        <translation>The equipment count typed here is not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="222"/>
        <source>Ketik jumlah lalu Enter: tersimpan langsung · Spasi mencentang laik pakai · Ctrl+Z mengurungkan · Esc menutup</source>
        <translation>Type a count, then Enter: saved at once · Space ticks fit for use · Ctrl+Z undoes · Esc closes</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="233"/>
        <source>&amp;Milik satuan ini sendiri (kiri) · kebutuhan dan kekurangan dengan bawahan (kanan)</source>
        <translation>&amp;Held by this unit itself (left) · requirement and shortfall with the units under it (right)</translation>
    </message>
    <message>
        <location filename="../../ui/sarpras_dialog.py" line="312"/>
        <source>Sarpras {unit}: {category}</source>
        <translation>Equipment {unit}: {category}</translation>
    </message>
</context>
<context>
    <name>SitrepDialog</name>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="229"/>
        <location filename="../../ui/sitrep_dialog.py" line="341"/>
        <location filename="../../ui/sitrep_preview.py" line="38"/>
        <source>Pratinjau diperbarui…</source>
        <translation>Updating the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="330"/>
        <source>Pratinjau tidak diperbarui; lihat pesan di bawah.</source>
        <translation>The preview was not updated; see the message below.</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="89"/>
        <source>Laporan Situasi</source>
        <translation>Situation report</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="69"/>
        <source>Atas nama (a.n.) Kapolda</source>
        <translation>On behalf of (a.n.) the Kapolda</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="76"/>
        <source>Harian (s.d. {hour:02d}.00)</source>
        <translation>Daily (to {hour:02d}:00)</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="78"/>
        <source>24 jam s.d. sekarang</source>
        <translation>24 hours to now</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="85"/>
        <source>Periode dari</source>
        <translation>Period from</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="86"/>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="88"/>
        <source>Klasifikasi</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="89"/>
        <source>Penanda tangan</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="91"/>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="92"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="93"/>
        <source>Pangkat (lengkap)</source>
        <translation>Rank (in full)</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="94"/>
        <source>NRP</source>
        <translation>NRP</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="96"/>
        <source>Simpan sebagai bawaan operasi</source>
        <translation>Save as operation default</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="100"/>
        <source>Penilaian umum</source>
        <translation>General assessment</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="101"/>
        <source>Situasi per aspek</source>
        <translation>Situation by aspect</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="102"/>
        <source>Statistik kejadian</source>
        <translation>Incident statistics</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="103"/>
        <source>Grafik</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="104"/>
        <source>Kejadian menonjol</source>
        <translation>Significant incidents</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="105"/>
        <source>Kekuatan personel dan TPS</source>
        <translation>Personnel strength and TPS</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="106"/>
        <source>Kerawanan</source>
        <translation>Vulnerability</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="107"/>
        <source>Tindakan yang diambil</source>
        <translation>Actions taken</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="108"/>
        <source>Perkiraan 24–72 jam</source>
        <translation>24–72 hour outlook</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="109"/>
        <source>Lampiran A: papan satuan</source>
        <translation>Annex A: unit board</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="110"/>
        <source>Lampiran B: daftar kejadian</source>
        <translation>Annex B: incident list</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_choices.py" line="115"/>
        <source>Bagian yang dimuat</source>
        <translation>Sections included</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_schedule.py" line="137"/>
        <source>Laporan terjadwal</source>
        <translation>Scheduled reports</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_schedule.py" line="141"/>
        <source>Tulis laporan otomatis</source>
        <translation>Write reports automatically</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_schedule.py" line="146"/>
        <source>Pilih…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_schedule.py" line="154"/>
        <source>Jam (waktu setempat)</source>
        <translation>Times (local time)</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_schedule.py" line="155"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_schedule.py" line="158"/>
        <source>Terapkan jadwal</source>
        <translation>Apply schedule</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="126"/>
        <source>&amp;Pratinjau</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="127"/>
        <source>&amp;Simpan…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="128"/>
        <source>&amp;Cetak</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="129"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="304"/>
        <source>{pages} halaman · nomor {number} · sidik isi {fp}</source>
        <translation>Pages: {pages} · number {number} · content fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="364"/>
        <source>Laporan {number} disimpan ke {path}.</source>
        <translation>Report {number} saved to {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="380"/>
        <source>Simpan laporan situasi</source>
        <translation>Save situation report</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="382"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="421"/>
        <source>Penanda tangan disimpan sebagai bawaan operasi.</source>
        <translation>Signatory saved as the operation default.</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_schedule.py" line="163"/>
        <source>Folder laporan terjadwal</source>
        <translation>Folder for scheduled reports</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_schedule.py" line="173"/>
        <source>Jam tidak sah; tulis misalnya 06:00, 18:00.</source>
        <translation>Invalid times; enter them like 06:00, 18:00.</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_schedule.py" line="179"/>
        <source>Folder {path} tidak ada; pilih folder lain.</source>
        <translation>The folder {path} does not exist; choose another one.</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_schedule.py" line="189"/>
        <source>Laporan terjadwal tidak aktif.</source>
        <translation>Scheduled reports are off.</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_schedule.py" line="193"/>
        <source>Laporan berikutnya: {when}.</source>
        <translation>Next report: {when}.</translation>
    </message>
    <message>
        <location filename="../../ui/sitrep_dialog.py" line="457"/>
        <source>Penanda tangan atau jadwal belum disimpan.</source>
        <translation>The signatory or the schedule has not been saved.</translation>
    </message>
</context>
<context>
    <name>StageRatingsModel</name>
    <message>
        <location filename="../../ui/stage_ratings_model.py" line="50"/>
        <source>{region}, {aspect}: belum dinilai Polri</source>
        <translation>{region}, {aspect}: not yet assessed by Polri</translation>
    </message>
    <message>
        <location filename="../../ui/stage_ratings_model.py" line="63"/>
        <source>IKP Bawaslu
(proses pemilihan)</source>
        <translation>Bawaslu IKP
(electoral process)</translation>
    </message>
    <message>
        <location filename="../../ui/stage_ratings_model.py" line="62"/>
        <source>{aspect}
(Polri)</source>
        <translation>{aspect}
(Polri)</translation>
    </message>
    <message>
        <location filename="../../ui/stage_ratings_model.py" line="61"/>
        <source>Penilaian kerawanan Polri (ketertiban umum)</source>
        <translation>Polri vulnerability assessment (public order)</translation>
    </message>
</context>
<context>
    <name>StagesPanel</name>
    <message>
        <location filename="../../ui/stage_timeline_chart.py" line="116"/>
        <source>belum bertanggal: menunggu putusan MK</source>
        <translation>no date yet: awaiting the Constitutional Court (MK) ruling</translation>
    </message>
    <message>
        <location filename="../../ui/stages_panel.py" line="97"/>
        <source>Tahapan pemilihan</source>
        <translation>Election stages</translation>
    </message>
    <message>
        <location filename="../../ui/stages_panel.py" line="113"/>
        <source>Pilih tahapan: kejadian dan kerawanan mengikutinya</source>
        <translation>Choose a stage: incidents and vulnerability follow it</translation>
    </message>
    <message>
        <location filename="../../ui/stages_panel.py" line="126"/>
        <source>Tampilkan:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../../ui/stage_ratings.py" line="47"/>
        <source>Kolom aspek: penilaian Polri (ketertiban umum). Kolom terakhir: IKP Bawaslu 0–100 (kerawanan proses pemilihan). Dua ukuran berbeda, tidak digabung.</source>
        <translation>Aspect columns: Polri assessment (public order). Last column: Bawaslu IKP 0–100 (vulnerability of the electoral process). Two different measures, not combined.</translation>
    </message>
    <message>
        <location filename="../../ui/stage_timeline_chart.py" line="187"/>
        <source>Belum ada operasi</source>
        <translation>No operation yet</translation>
    </message>
    <message>
        <location filename="../../ui/stage_timeline_chart.py" line="202"/>
        <source>Tahapan berjalan: {name} ({period})</source>
        <translation>Current stage: {name} ({period})</translation>
    </message>
    <message>
        <location filename="../../ui/stage_timeline_chart.py" line="206"/>
        <source>Tahapan belum dimulai</source>
        <translation>No stage has started yet</translation>
    </message>
    <message>
        <location filename="../../ui/stage_timeline_chart.py" line="275"/>
        <source>Sekarang {time} {zone}</source>
        <translation>Now {time} {zone}</translation>
    </message>
    <message>
        <location filename="../../ui/stage_timeline_chart.py" line="279"/>
        <source>Sekarang {date}</source>
        <translation>Now {date}</translation>
    </message>
    <message>
        <location filename="../../ui/stages_panel.py" line="275"/>
        <source>Semua tahapan</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../ui/stage_ratings.py" line="140"/>
        <source>Kerawanan wilayah: belum ada tahapan</source>
        <translation>Regional vulnerability: no stage yet</translation>
    </message>
    <message>
        <location filename="../../ui/stage_ratings.py" line="143"/>
        <source>Kerawanan wilayah — tahapan berjalan: {stage}</source>
        <translation>Regional vulnerability — current stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/stage_ratings.py" line="147"/>
        <source>Kerawanan wilayah — {stage}</source>
        <translation>Regional vulnerability — {stage}</translation>
    </message>
</context>
<context>
    <name>StrengthModel</name>
    <message>
        <location filename="../../ui/strength_model.py" line="36"/>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="36"/>
        <source>Polres/Polresta beserta Polsek jajarannya</source>
        <translation>Polres/Polresta with their Polsek</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="37"/>
        <source>TPS</source>
        <translation>TPS</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="37"/>
        <source>Jumlah TPS yang diamankan satuan ini</source>
        <translation>Number of TPS this unit secures</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="39"/>
        <source>Kebutuhan
Polri</source>
        <translation>Polri
required</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="40"/>
        <source>Personel Polri yang dibutuhkan menurut pola pengamanan TPS</source>
        <translation>Polri personnel required according to the TPS guard pattern</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="43"/>
        <source>Kekuatan</source>
        <translation>Strength</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="44"/>
        <source>Personel Polri aktif, ditambah BKO masuk, dikurangi BKO keluar</source>
        <translation>Active Polri personnel, plus BKO in, minus BKO out</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="46"/>
        <source>BKO
masuk</source>
        <translation>BKO
in</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="46"/>
        <source>Personel satuan lain yang di-BKO-kan ke sini</source>
        <translation>Personnel of other units assigned here as BKO</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="47"/>
        <source>BKO
keluar</source>
        <translation>BKO
out</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="47"/>
        <source>Personel satuan ini yang di-BKO-kan ke luar</source>
        <translation>Personnel of this unit assigned elsewhere as BKO</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="49"/>
        <source>Selisih</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="50"/>
        <source>Kekuatan dikurangi kebutuhan: negatif berarti kurang personel</source>
        <translation>Strength minus required: negative means short of personnel</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="90"/>
        <source>{tps} ({n} belum dinilai)</source>
        <translation>{tps} ({n} not rated)</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="97"/>
        <source>{n} TPS belum dinilai kerawanannya; dihitung dengan pola pengamanan paling ketat sampai dinilai</source>
        <translation>{n} TPS not yet rated for vulnerability; counted at the strictest guard pattern until rated</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="111"/>
        <source>Kurang {n} personel</source>
        <translation>Short of {n} personnel</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="113"/>
        <source>Lebih {n} personel</source>
        <translation>Surplus of {n} personnel</translation>
    </message>
    <message>
        <location filename="../../ui/strength_model.py" line="114"/>
        <source>Kekuatan sama dengan kebutuhan</source>
        <translation>Strength matches required</translation>
    </message>
</context>
<context>
    <name>StrengthPanel</name>
    <message>
        <location filename="../../ui/strength_panel.py" line="38"/>
        <source>Kekuatan per Polres</source>
        <translation>Strength by Polres</translation>
    </message>
    <message>
        <location filename="../../ui/strength_panel.py" line="102"/>
        <source>Tahapan {stage}: kebutuhan menurut pola pengamanan TPS; kekuatan termasuk BKO yang berlaku pada tahapan ini.</source>
        <translation>Stage {stage}: required according to the TPS guard pattern; strength includes the BKO in force during this stage.</translation>
    </message>
    <message>
        <location filename="../../ui/strength_panel.py" line="107"/>
        <source>Hari pemungutan suara: kebutuhan menurut pola pengamanan TPS; kekuatan termasuk BKO yang berlaku pada hari itu.</source>
        <translation>Voting day: required according to the TPS guard pattern; strength includes the BKO in force on that day.</translation>
    </message>
    <message>
        <location filename="../../ui/strength_panel.py" line="121"/>
        <source>Jumlah {n} Polres: kebutuhan {req}, kekuatan {avail}, selisih {bal}</source>
        <translation>Total of {n} Polres: required {req}, strength {avail}, balance {bal}</translation>
    </message>
    <message>
        <location filename="../../ui/strength_panel.py" line="128"/>
        <source>; kurang {deficit} di {k} Polres (kelebihan satu Polres tidak menutup kekurangan Polres lain tanpa BKO)</source>
        <translation>; {deficit} short in {k} Polres (one Polres&apos;s surplus does not cover another&apos;s deficit without a BKO)</translation>
    </message>
    <message>
        <location filename="../../ui/strength_panel.py" line="135"/>
        <source>. Cadangan Polda tidak termasuk; baris Polda di Papan satuan menghitungnya.</source>
        <translation>. The Polda&apos;s reserve is not included; the Polda row on the Unit board counts it.</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <location filename="../../ui/summary_strip.py" line="35"/>
        <source>Satuan</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="36"/>
        <source>Semua satuan dalam operasi: Polda, Polres, Polsek, satgas dan mitra</source>
        <translation>All units in the operation: Polda, Polres, Polsek, Satgas and partners</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="38"/>
        <source>Personel</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="38"/>
        <source>Semua personel yang terdaftar dalam operasi</source>
        <translation>All personnel registered in the operation</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="39"/>
        <source>TPS</source>
        <translation>TPS</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="39"/>
        <source>Tempat pemungutan suara yang terdaftar</source>
        <translation>Registered polling stations (TPS)</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="41"/>
        <source>Kebutuhan Polri</source>
        <translation>Polri required</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="42"/>
        <source>Jumlah kebutuhan personel Polri seluruh Polres menurut pola pengamanan TPS</source>
        <translation>Total Polri personnel required across all Polres according to the TPS guard pattern</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="45"/>
        <source>Kekuatan Polri</source>
        <translation>Polri strength</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="48"/>
        <source>Personel Polri aktif di seluruh Polres, termasuk BKO yang berlaku; cadangan Polda (Brimob, staf Polda) tidak dihitung di sini, baris Polda di papan satuan menghitungnya</source>
        <translation>Active Polri personnel of every Polres, BKO in force included; the Polda reserve (Brimob, Polda staff) is not counted here, the Polda row of the unit board counts it</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="55"/>
        <source>Selisih</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="56"/>
        <source>Kekuatan dikurangi kebutuhan; kelebihan satu Polres tidak menutup kekurangan Polres lain tanpa perintah BKO</source>
        <translation>Strength minus required; one Polres&apos;s surplus does not cover another&apos;s shortfall without a BKO order</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="62"/>
        <source>Kejadian terbuka</source>
        <translation>Open incidents</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="63"/>
        <source>Kejadian yang belum selesai, menurut tingkat keparahan</source>
        <translation>Incidents not yet closed, by severity</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="191"/>
        <source>+{n} cadangan&#xa0;Polda</source>
        <translation>+{n} Polda&#xa0;reserve</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="198"/>
        <source>{units} satuan kurang {n} personel</source>
        <translation>Units short: {units}, by {n} personnel</translation>
    </message>
    <message>
        <location filename="../../ui/summary_strip.py" line="202"/>
        <source>semua satuan tercukupi</source>
        <translation>all units at strength</translation>
    </message>
</context>
<context>
    <name>UnitStatusDialog</name>
    <message>
        <location filename="../../ui/unit_status_dialog.py" line="47"/>
        <source>Ubah status satuan</source>
        <translation>Change unit status</translation>
    </message>
    <message>
        <location filename="../../ui/unit_status_dialog.py" line="48"/>
        <source>Status baru untuk {unit}</source>
        <translation>New status for {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/unit_status_dialog.py" line="77"/>
        <source>&amp;Alasan (boleh dikosongkan)</source>
        <translation>&amp;Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/unit_status_dialog.py" line="79"/>
        <source>mis. bergeser ke TPS 07 Desa Siulak</source>
        <translation>e.g. moving to TPS 07 Desa Siulak</translation>
    </message>
    <message>
        <location filename="../../ui/unit_status_dialog.py" line="82"/>
        <source>Angka 1–9 memilih status · Enter menyimpan · Esc batal</source>
        <translation>Keys 1–9 choose a status · Enter saves · Esc cancels</translation>
    </message>
    <message>
        <location filename="../../ui/unit_status_dialog.py" line="88"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/unit_status_dialog.py" line="89"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/unit_status_dialog.py" line="140"/>
        <source>Perubahan status ini belum disimpan.</source>
        <translation>This status change has not been saved.</translation>
    </message>
</context>
<context>
    <name>UnitsBoard</name>
    <message>
        <location filename="../../ui/units_board.py" line="86"/>
        <source>Kewilayahan</source>
        <translation>Territorial</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="86"/>
        <source>Satgas</source>
        <translation>Satgas</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="86"/>
        <source>Mitra</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../../ui/unit_status_action.py" line="56"/>
        <source>Ubah status {unit}</source>
        <translation>Change status of {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="198"/>
        <source>Ubah status…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="201"/>
        <source>Ubah status satuan terpilih (F2)</source>
        <translation>Change the status of the selected unit (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="209"/>
        <source>Ubah status (F2)</source>
        <translation>Change status (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="213"/>
        <source>Cari satuan, kode atau status…</source>
        <translation>Search unit, code or status…</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="229"/>
        <source>Semua susunan</source>
        <translation>All structures</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="236"/>
        <source>Satuan yang bertanggung jawab atas wilayah ini</source>
        <translation>The units responsible for this region</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="237"/>
        <location filename="../../ui/units_board.py" line="385"/>
        <source>Semua wilayah</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="249"/>
        <location filename="../../ui/units_board.py" line="492"/>
        <source>Tampilan: pohon</source>
        <translation>View: tree</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="251"/>
        <source>Pohon per hierarki, atau daftar datar yang dapat diurutkan</source>
        <translation>A tree by hierarchy, or a flat list that can be sorted</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="255"/>
        <source>Buka semua</source>
        <translation>Expand all</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="258"/>
        <source>Tutup semua</source>
        <translation>Collapse all</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="261"/>
        <source>Papan satuan</source>
        <translation>Unit board</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="348"/>
        <source>Belum ada operasi</source>
        <translation>No operation yet</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="362"/>
        <source>Tahapan: {stage}</source>
        <translation>Stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="373"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="425"/>
        <source>{n} satuan</source>
        <translation>Units: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="423"/>
        <source>{shown} dari {n} satuan</source>
        <translation>Units: {shown} of {n}</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="429"/>
        <source>F2: ubah status satuan terpilih</source>
        <translation>F2: change the selected unit&apos;s status</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="437"/>
        <source>Kolom TPS tidak muat: lihat tab Kekuatan (Ctrl+2)</source>
        <translation>TPS columns do not fit: see the Strength tab (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="444"/>
        <source>kosongkan pencarian</source>
        <translation>clear the search</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="447"/>
        <source>pilih “{all}”</source>
        <translation>choose “{all}”</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="448"/>
        <source>Tidak ada satuan yang cocok dengan saringan ini: {steps}.</source>
        <translation>No unit matches this filter: {steps}.</translation>
    </message>
    <message>
        <location filename="../../ui/units_board.py" line="492"/>
        <source>Tampilan: daftar</source>
        <translation>View: list</translation>
    </message>
    <message>
        <location filename="../../ui/unit_status_action.py" line="116"/>
        <source>Pilih satu satuan dulu, lalu tekan F2.</source>
        <translation>Select a unit first, then press F2.</translation>
    </message>
    <message>
        <location filename="../../ui/unit_status_action.py" line="177"/>
        <source>Menyimpan status {unit}…</source>
        <translation>Saving the status of {unit}…</translation>
    </message>
    <message>
        <location filename="../../ui/unit_status_action.py" line="273"/>
        <source>Status tidak disimpan</source>
        <translation>Status not saved</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <location filename="../../ui/units_cells.py" line="91"/>
        <source>Satuan dan jajarannya</source>
        <translation>Unit and its subordinate units</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="91"/>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="93"/>
        <source>Status satuan; alasan ada di keterangan</source>
        <translation>Unit status; the reason is in the tooltip</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="93"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="96"/>
        <source>Personel Polri aktif, ditambah BKO masuk, dikurangi BKO keluar</source>
        <translation>Active Polri personnel, plus BKO in, minus BKO out</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="98"/>
        <source>Kekuatan</source>
        <translation>Strength</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="102"/>
        <source>Personel Polri yang dibutuhkan menurut pola pengamanan TPS</source>
        <translation>Polri personnel required according to the TPS guard pattern</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="104"/>
        <source>Kebutuhan</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="108"/>
        <source>Kekuatan dikurangi kebutuhan: negatif (merah) berarti kurang personel</source>
        <translation>Strength minus required: negative (red) means short of personnel</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="110"/>
        <source>Selisih</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="115"/>
        <source>TPS kategori {name} yang diamankan</source>
        <translation>TPS of category {name} secured</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="116"/>
        <source>TPS
{name}</source>
        <translation>TPS
{name}</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="119"/>
        <source>TPS yang belum dinilai kerawanannya; dihitung dengan pola pengamanan paling ketat sampai dinilai</source>
        <translation>TPS not yet rated for vulnerability; counted at the strictest guard pattern until rated</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="123"/>
        <source>TPS
belum dinilai</source>
        <translation>TPS
not rated</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="127"/>
        <source>Kejadian terbuka dengan keparahan {name}</source>
        <translation>Open incidents of severity {name}</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="130"/>
        <source>Kejadian
{name}</source>
        <translation>Incidents
{name}</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="133"/>
        <source>Kesiapan operasi: aspek terburuk satuan (rinciannya di tab Kesiapan)</source>
        <translation>Operational readiness: the unit&apos;s worst aspect (details on the Readiness tab)</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="135"/>
        <source>Kesiapan</source>
        <translation>Readiness</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="139"/>
        <source>Kapan dan oleh siapa status terakhir diubah</source>
        <translation>When and by whom the status was last changed</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="141"/>
        <source>Perubahan
terakhir ({zone})</source>
        <translation>Last
change ({zone})</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="228"/>
        <source>Kurang {n} personel</source>
        <translation>Short of {n} personnel</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="230"/>
        <source>Lebih {n} personel</source>
        <translation>Surplus of {n} personnel</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="231"/>
        <source>Kekuatan sama dengan kebutuhan</source>
        <translation>Strength matches required</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="266"/>
        <source>Sedang dihitung…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="272"/>
        <source>Tidak ada personel Polri maupun kebutuhan pengamanan TPS</source>
        <translation>No Polri personnel and no TPS security requirement</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="277"/>
        <location filename="../../ui/units_cells.py" line="290"/>
        <source>(belum ada)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="292"/>
        <location filename="../../ui/units_cells.py" line="314"/>
        <source>Alasan: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="295"/>
        <source>Diubah {when} {zone} oleh {who}</source>
        <translation>Changed {when} {zone} by {who}</translation>
    </message>
    <message>
        <location filename="../../ui/units_cells.py" line="308"/>
        <source>{when} · {who}</source>
        <translation>{when} · {who}</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <location filename="../../ui/unsaved.py" line="62"/>
        <source>Perubahan belum disimpan</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/unsaved.py" line="63"/>
        <source>Ada isian yang belum disimpan.</source>
        <translation>Some input has not been saved.</translation>
    </message>
    <message>
        <location filename="../../ui/unsaved.py" line="64"/>
        <source>Simpan sebelum menutup?</source>
        <translation>Save before closing?</translation>
    </message>
    <message>
        <location filename="../../ui/unsaved.py" line="65"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/unsaved.py" line="66"/>
        <source>&amp;Buang</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../ui/unsaved.py" line="67"/>
        <source>&amp;Kembali</source>
        <translation>&amp;Back</translation>
    </message>
</context>
<context>
    <name>VisitsDialog</name>
    <message>
        <location filename="../../ui/visits_models.py" line="97"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="98"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="99"/>
        <source>Dipimpin</source>
        <translation>Led by</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="100"/>
        <source>Tim</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="101"/>
        <source>Temuan</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="101"/>
        <source>Temuan: semua · terbuka · lewat tenggat</source>
        <translation>Findings: all · open · overdue</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="118"/>
        <source>{n} · {open} terbuka</source>
        <translation>{n} · {open} open</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="119"/>
        <source> · {late} lewat tenggat</source>
        <translation> · {late} overdue</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="129"/>
        <source>Diperiksa: {what}</source>
        <translation>Checked: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="151"/>
        <source>Aspek</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="153"/>
        <source>Saran</source>
        <translation>Advice</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="301"/>
        <location filename="../../ui/visits_models.py" line="155"/>
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="129"/>
        <location filename="../../ui/visits_models.py" line="156"/>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="175"/>
        <source> · lewat tenggat</source>
        <translation> · overdue</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="188"/>
        <source>Catatan penutupan: {note}</source>
        <translation>Closing note: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="75"/>
        <source>Kunjungan dan temuan</source>
        <translation>Visits and findings</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="103"/>
        <source>Daftar kunjun&amp;gan (terbaru di atas)</source>
        <translation>&amp;Visits (newest first)</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="189"/>
        <source>Yang di&amp;periksa</source>
        <translation>C&amp;hecked</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="299"/>
        <source>Sa&amp;ran</source>
        <translation>Ad&amp;vice</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="416"/>
        <source>Si&amp;mpan status</source>
        <translation>Sa&amp;ve status</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="105"/>
        <source>T&amp;emuan kunjungan terpilih</source>
        <translation>F&amp;indings of the chosen visit</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="127"/>
        <location filename="../../ui/visits_forms.py" line="200"/>
        <source>Kunjungan baru</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="128"/>
        <location filename="../../ui/visits_forms.py" line="310"/>
        <source>Temuan baru</source>
        <translation>New finding</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="152"/>
        <source>Uraian temuan</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/visits_models.py" line="154"/>
        <source>Penanggung
jawab</source>
        <translation>In
charge</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="177"/>
        <source>mis. Kapolda Jambi</source>
        <translation>e.g. Kapolda Jambi</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="178"/>
        <source>mis. Tim Itwasda</source>
        <translation>e.g. Itwasda team</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="180"/>
        <source>mis. posko, kendaraan, senjata</source>
        <translation>e.g. command post, vehicles, weapons</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="185"/>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="186"/>
        <source>&amp;Jenis</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="187"/>
        <source>&amp;Dipimpin oleh</source>
        <translation>&amp;Led by</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="188"/>
        <source>T&amp;im</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="190"/>
        <source>Satuan &amp;yang dikunjungi</source>
        <translation>Unit &amp;visited</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="201"/>
        <source>Tambah &amp;kunjungan</source>
        <translation>&amp;Add visit</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="202"/>
        <source>Ubah kunjungan</source>
        <translation>Change visit</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="203"/>
        <source>Kunjungan &amp;baru</source>
        <translation>&amp;New visit</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="206"/>
        <source>Isi formulir dengan kunjungan terpilih untuk diubah</source>
        <translation>Fill the form with the chosen visit to change it</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="207"/>
        <source>Kembali ke menambah kunjungan baru</source>
        <translation>Back to adding a new visit</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="208"/>
        <source>Hapus kunjungan terpilih beserta temuannya (Delete)</source>
        <translation>Remove the chosen visit with its findings (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="287"/>
        <source>mis. Kabag Log</source>
        <translation>e.g. Kabag Log</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="288"/>
        <source>&amp;Ada tenggat</source>
        <translation>&amp;Has a due date</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="297"/>
        <source>As&amp;pek</source>
        <translation>As&amp;pect</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="298"/>
        <source>Te&amp;muan</source>
        <translation>&amp;Finding</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="300"/>
        <source>Penanggung &amp;jawab</source>
        <translation>In c&amp;harge</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="311"/>
        <source>Tambah &amp;temuan</source>
        <translation>&amp;Add finding</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="312"/>
        <source>Ubah temuan</source>
        <translation>Change finding</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="313"/>
        <source>Temuan &amp;baru</source>
        <translation>&amp;New finding</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="316"/>
        <source>Isi formulir dengan temuan terpilih untuk diubah</source>
        <translation>Fill the form with the chosen finding to change it</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="317"/>
        <source>Kembali ke menambah temuan baru</source>
        <translation>Back to adding a new finding</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="318"/>
        <source>Hapus temuan terpilih (Delete)</source>
        <translation>Remove the chosen finding (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="408"/>
        <location filename="../../ui/visits_forms.py" line="444"/>
        <source>Catatan &amp;penutupan</source>
        <translation>Closing &amp;note</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="410"/>
        <source>Wajib bila selesai: apa yang sudah dikerjakan</source>
        <translation>Required when done: what was done</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="414"/>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="183"/>
        <source>Hari ini: {day}</source>
        <translation>Today: {day}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="380"/>
        <source>Pilih atau tambahkan kunjungan dulu.</source>
        <translation>Choose or add a visit first.</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="383"/>
        <source>Untuk kunjungan {day}, {kind}</source>
        <translation>For the visit of {day}, {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="431"/>
        <source>Pilih temuan di daftar temuan.</source>
        <translation>Choose a finding in the list of findings.</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="444"/>
        <source>Catatan &amp;penutupan (wajib)</source>
        <translation>Closing &amp;note (required)</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="255"/>
        <source>Mengubah kunjungan {day}, {kind}</source>
        <translation>Changing the visit of {day}, {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_forms.py" line="368"/>
        <source>Mengubah temuan {aspect}: {finding}</source>
        <translation>Changing finding {aspect}: {finding}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="273"/>
        <source>Ubah kunjungan {unit} {day}</source>
        <translation>Change visit {unit} {day}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="313"/>
        <source>Kunjungan {day} ({kind}) ke {unit}</source>
        <translation>Visit on {day} ({kind}) to {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="320"/>
        <source>{what} dihapus beserta {n} temuannya dan tindak lanjutnya.</source>
        <translation>{what} removed with its {n} findings and their follow-ups.</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="324"/>
        <source>{what} dihapus; tidak ada temuan padanya.</source>
        <translation>{what} removed; it had no findings.</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="327"/>
        <source>Hapus kunjungan</source>
        <translation>Remove visit</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="329"/>
        <source>&amp;Hapus kunjungan</source>
        <translation>&amp;Remove visit</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="330"/>
        <source>Ctrl+Z mengembalikannya beserta temuannya.</source>
        <translation>Ctrl+Z brings it back with its findings.</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="374"/>
        <source>Hapus kunjungan {unit} {day}</source>
        <translation>Remove visit {unit} {day}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="406"/>
        <source>Tambah kunjungan {unit} {day}</source>
        <translation>Add visit to {unit} {day}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="417"/>
        <source>Ubah temuan {aspect}</source>
        <translation>Change finding {aspect}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="430"/>
        <source>Hapus temuan</source>
        <translation>Remove finding</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="431"/>
        <source>Temuan {aspect} “{finding}” dihapus beserta tindak lanjutnya ({status}).</source>
        <translation>Finding {aspect} “{finding}” removed with its follow-up ({status}).</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="434"/>
        <source>&amp;Hapus temuan</source>
        <translation>&amp;Remove finding</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="435"/>
        <source>Ctrl+Z mengembalikannya.</source>
        <translation>Ctrl+Z brings it back.</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="455"/>
        <source>Hapus temuan {aspect}</source>
        <translation>Remove finding {aspect}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="478"/>
        <source>Tambah temuan {aspect}</source>
        <translation>Add finding on {aspect}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="498"/>
        <source>Tindak lanjut {finding}: {status}</source>
        <translation>Follow-up {finding}: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/visits_dialog.py" line="76"/>
        <source>Isian kunjungan atau temuan belum disimpan.</source>
        <translation>A visit or finding typed here is not saved.</translation>
    </message>
</context>
<context>
    <name>WallBoard</name>
    <message>
        <location filename="../../ui/wall_board.py" line="68"/>
        <source>Papan satuan</source>
        <translation>Unit board</translation>
    </message>
    <message>
        <location filename="../../ui/wall_board.py" line="69"/>
        <source>Tahapan</source>
        <translation>Stages</translation>
    </message>
    <message>
        <location filename="../../ui/wall_board.py" line="70"/>
        <source>Kejadian</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/wall_board.py" line="71"/>
        <source>Kesiapan</source>
        <translation>Readiness</translation>
    </message>
    <message>
        <location filename="../../ui/wall_board.py" line="72"/>
        <source>Peta</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/wall_board.py" line="73"/>
        <source>Pemantauan TPS</source>
        <translation>TPS watch</translation>
    </message>
</context>
<context>
    <name>WallDisplay</name>
    <message>
        <location filename="../../ui/wall.py" line="76"/>
        <source>Layar dinding — {title}</source>
        <translation>Video wall — {title}</translation>
    </message>
</context>
<context>
    <name>WallReadOnly</name>
    <message>
        <location filename="../../ui/wall_read_only.py" line="39"/>
        <source>Halaman {page} dari {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
</context>
<context>
    <name>WatchModels</name>
    <message>
        <location filename="../../ui/watch_models.py" line="90"/>
        <source>Seluruh operasi</source>
        <translation>Whole operation</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="204"/>
        <source>Polres / kecamatan</source>
        <translation>Polres / kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="206"/>
        <location filename="../../ui/watch_models.py" line="328"/>
        <location filename="../../ui/watch_models.py" line="429"/>
        <source>TPS</source>
        <translation>TPS</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="210"/>
        <source>Gangguan</source>
        <translation>Disturbed</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="210"/>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="213"/>
        <source>{name}: ketik {key} atau {code}</source>
        <translation>{name}: type {key} or {code}</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="328"/>
        <source>Kejadian</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="364"/>
        <source>terlambat</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="430"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="431"/>
        <source>Polres</source>
        <translation>Polres</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="432"/>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="432"/>
        <source>Langkah pertama yang belum dicapai lewat batas waktunya</source>
        <translation>The first step not reached by its deadline</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="433"/>
        <source>Batas waktu</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/watch_models.py" line="433"/>
        <source>Dalam zona waktu operasi</source>
        <translation>In the operation&apos;s time zone</translation>
    </message>
</context>
<context>
    <name>WatchPanel</name>
    <message>
        <location filename="../../ui/watch_panel.py" line="142"/>
        <source>TPS atau pos, langkah, jam — mis. 1501012001003 1 · Siulak P3 2 05:40</source>
        <translation>TPS or post, step, time — e.g. 1501012001003 1 · Siulak P3 2 05:40</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="146"/>
        <source>&amp;Catat:</source>
        <translation>&amp;Log:</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="167"/>
        <source>Peran Anda hanya dapat melihat pemantauan TPS.</source>
        <translation>Your role can only view the TPS watch.</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="184"/>
        <source>Pr&amp;ogres per Polres dan kecamatan</source>
        <translation>Pr&amp;ogress by Polres and kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="203"/>
        <source>Le&amp;wat batas waktu</source>
        <translation>Past deadli&amp;ne</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="352"/>
        <source>Langkah: {steps} · g gangguan</source>
        <translation>Steps: {steps} · g disturbance</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="354"/>
        <source>{n} TPS · {late} lewat batas waktu · {dist} ada gangguan · per {at}</source>
        <translation>{n} TPS · {late} past their deadline · {dist} disturbed · as at {at}</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="419"/>
        <source>Kejadian</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="81"/>
        <source>Rinc&amp;ian: {name}</source>
        <translation>Deta&amp;il: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="78"/>
        <source>Rinc&amp;ian kecamatan: pilih kecamatan pada progres di atas</source>
        <translation>Deta&amp;il per kecamatan: choose a kecamatan in the progress above</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="476"/>
        <location filename="../../ui/watch_panel.py" line="537"/>
        <source>Tercatat: {what}</source>
        <translation>Recorded: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="480"/>
        <source>Sudah tercatat, tidak ada yang diubah: {what}</source>
        <translation>Already recorded, nothing changed: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="539"/>
        <source>Dibatalkan: {what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/watch_entry.py" line="90"/>
        <source>pos {post} ({n} TPS)</source>
        <translation>post {post} ({n} TPS)</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="497"/>
        <source>Gangguan dicatat per TPS, bukan per pos: tulis kode TPS-nya lalu g.</source>
        <translation>Disturbances are recorded per TPS, not per post: type its TPS code, then g.</translation>
    </message>
    <message>
        <location filename="../../ui/watch_panel.py" line="502"/>
        <source>Formulir kejadian untuk {tps}.</source>
        <translation>Incident form for {tps}.</translation>
    </message>
</context>
<context>
    <name>WatchStepsDialog</name>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="79"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="79"/>
        <source>Nomor yang diketik operator</source>
        <translation>The number an operator types</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="80"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="81"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="82"/>
        <source>Inggris</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="82"/>
        <source>Nama dalam bahasa Inggris</source>
        <translation>The name in English</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="83"/>
        <source>Batas waktu</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="83"/>
        <source>Terlambat bila belum dicapai pada jam ini (+1: esoknya)</source>
        <translation>Overdue when not reached by this time (+1: the next day)</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="84"/>
        <source>Dipakai</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="84"/>
        <source>Catatan pemantauan TPS pada langkah ini</source>
        <translation>TPS watch records at this step</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="102"/>
        <source>Langkah pemantauan TPS</source>
        <translation>TPS watch steps</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="103"/>
        <source>Isian langkah pemantauan belum disimpan.</source>
        <translation>The watch step being edited has not been saved.</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="111"/>
        <source>langkah</source>
        <translation>step</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="112"/>
        <source>Da&amp;ftar langkah (urutan pada hari pemungutan)</source>
        <translation>&amp;List of steps (their order on voting day)</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="115"/>
        <source>mis. apel</source>
        <translation>e.g. apel</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="119"/>
        <source>mis. 06:00 atau 06:00 +1; boleh kosong</source>
        <translation>e.g. 06:00 or 06:00 +1; may be empty</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="122"/>
        <source>Batas &amp;waktu</source>
        <translation>&amp;Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="135"/>
        <source>Batas waktu langkah terpilih</source>
        <translation>Deadline of the chosen step</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="136"/>
        <source>06:00, 06:00 +1, atau kosong</source>
        <translation>06:00, 06:00 +1, or empty</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="137"/>
        <source>&amp;Jam</source>
        <translation>&amp;Time</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="139"/>
        <source>Simpan &amp;batas waktu</source>
        <translation>Save &amp;deadline</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="226"/>
        <source>tanpa batas</source>
        <translation>no deadline</translation>
    </message>
    <message>
        <location filename="../../ui/watch_steps_dialog.py" line="225"/>
        <source>Batas waktu {name}: {due}</source>
        <translation>Deadline of {name}: {due}</translation>
    </message>
</context>
<context>
    <name>WatchWall</name>
    <message>
        <location filename="../../ui/watch_wall.py" line="197"/>
        <location filename="../../ui/watch_wall.py" line="280"/>
        <source>Seluruh operasi</source>
        <translation>Whole operation</translation>
    </message>
    <message>
        <location filename="../../ui/watch_wall.py" line="198"/>
        <location filename="../../ui/watch_wall.py" line="267"/>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/watch_wall.py" line="198"/>
        <location filename="../../ui/watch_wall.py" line="267"/>
        <source>Gangguan</source>
        <translation>Disturbed</translation>
    </message>
    <message>
        <location filename="../../ui/watch_wall.py" line="232"/>
        <source>Belum ada operasi.</source>
        <translation>No operation yet.</translation>
    </message>
    <message>
        <location filename="../../ui/watch_wall.py" line="232"/>
        <source>Membaca pemantauan TPS…</source>
        <translation>Reading the TPS watch…</translation>
    </message>
    <message>
        <location filename="../../ui/watch_wall.py" line="243"/>
        <source>Keadaan pukul {time} {zone}</source>
        <translation>As at {time} {zone}</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../ui/worker.py" line="214"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/worker.py" line="48"/>
        <source>Membaca berkas…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../ui/worker.py" line="49"/>
        <source>Memeriksa baris…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <location filename="../../ui/worker.py" line="50"/>
        <source>Menyimpan ke basis data…</source>
        <translation>Saving to the database…</translation>
    </message>
    <message>
        <location filename="../../ui/worker.py" line="51"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
</context>
</TS>
