"""The wording of the demo's incidents: per type, the Indonesian title, description and
location of each story with the phases it fits, and the follow-up entries of its handling."""

from __future__ import annotations

from opscenter.demo.incident_windows import ANY, COUNT, LATE, PRE_, TALLY, VOTE

# (title, description, location, phases) per type. Placeholders: {desa} {kec} {kab} {tps}
# {paslon} {massa}. A template naming {tps} ties the incident to that TPS; one naming
# neither {tps} nor {desa} but {kab} in its location puts it at the kabupaten/kota.
TEMPLATES: dict[str, tuple[tuple[str, str, str, tuple[str, ...]], ...]] = {
    "politik-uang": (
        (
            "Dugaan pembagian uang oleh tim pemenangan di {desa}",
            "Warga melaporkan sejumlah orang membagikan amplop berisi uang dan stiker {paslon} "
            "di {desa}, Kecamatan {kec}. Barang bukti diamankan, perkara diteruskan ke Sentra "
            "Gakkumdu {kab}.",
            "{desa}, Kec. {kec}",
            (PRE_, VOTE),
        ),
        (
            "Dugaan serangan fajar di {desa}",
            "Patroli menerima informasi pembagian sembako disertai ajakan memilih {paslon} di "
            "{desa}, Kecamatan {kec}. Dua orang dimintai keterangan bersama Panwascam.",
            "{desa}, Kec. {kec}",
            (PRE_, VOTE),
        ),
    ),
    "hoaks-sara": (
        (
            "Penyebaran hoaks tentang {paslon} di media sosial",
            "Akun media sosial menyebarkan video suntingan yang menuduh {paslon} berbuat curang. "
            "Konten dilaporkan ke Ditreskrimsus dan Bawaslu {kab} untuk penurunan konten.",
            "{kab}",
            ANY,
        ),
        (
            "Pesan berantai bernada SARA di wilayah Kecamatan {kec}",
            "Beredar pesan berantai bernada SARA yang menyasar pendukung {paslon}. Satgas Preemtif "
            "menggalang tokoh agama dan tokoh adat untuk meredam situasi.",
            "Kec. {kec}, {kab}",
            ANY,
        ),
    ),
    "bentrokan": (
        (
            "Gesekan antarpendukung pasangan calon di {desa}",
            "Adu mulut berujung saling dorong antara massa pendukung dua pasangan calon saat "
            "konvoi di {desa}, Kecamatan {kec}. Personel Samapta melerai dan membubarkan massa.",
            "{desa}, Kec. {kec}",
            (PRE_,),
        ),
        (
            "Bentrokan massa usai penghitungan suara di {tps}",
            "Massa dua kubu berkumpul di {tps} dan saling lempar batu setelah hasil penghitungan "
            "dibacakan. Pasukan pengendali massa diterjunkan, situasi berangsur reda.",
            "{tps}",
            (TALLY, COUNT),
        ),
        (
            "Bentrokan massa pendukung di depan Kantor KPU {kab}",
            "Massa pendukung dua pasangan calon di depan Kantor KPU {kab} saling dorong dan "
            "melempar botol air. Pasukan pengendali massa memisahkan kedua kelompok.",
            "Kantor KPU {kab}",
            (COUNT, LATE),
        ),
    ),
    "intimidasi": (
        (
            "Intimidasi terhadap anggota KPPS di {tps}",
            "Anggota KPPS {tps} melapor didatangi sekelompok orang yang memaksa hasil penghitungan "
            "diubah. Pelaku diidentifikasi dan dimintai keterangan.",
            "{tps}",
            (TALLY, COUNT),
        ),
        (
            "Penganiayaan terhadap relawan pasangan calon di {desa}",
            "Seorang relawan {paslon} dipukul orang tak dikenal saat memasang spanduk di {desa}, "
            "Kecamatan {kec}. Korban divisum, pelaku dalam pengejaran.",
            "{desa}, Kec. {kec}",
            (PRE_, VOTE, TALLY, COUNT),
        ),
    ),
    "perusakan-apk": (
        (
            "Perusakan alat peraga kampanye di {desa}",
            "Baliho dan spanduk {paslon} di sepanjang jalan {desa} ditemukan robek dan dirobohkan. "
            "Polsek berkoordinasi dengan Panwascam {kec}.",
            "{desa}, Kec. {kec}",
            (PRE_,),
        ),
        (
            "Pembakaran baliho pasangan calon di Kecamatan {kec}",
            "Dua baliho besar {paslon} dibakar orang tak dikenal pada malam hari. Olah TKP "
            "dilakukan, rekaman CCTV di sekitar lokasi dikumpulkan.",
            "Kec. {kec}, {kab}",
            (PRE_,),
        ),
    ),
    "netralitas": (
        (
            "Dugaan pelanggaran netralitas kepala desa di {desa}",
            "Beredar foto kepala desa {desa} menghadiri kampanye {paslon} dengan atribut lengkap. "
            "Laporan diteruskan ke Bawaslu {kab}.",
            "{desa}, Kec. {kec}",
            (PRE_, VOTE),
        ),
        (
            "Dugaan ASN terlibat kampanye di Kecamatan {kec}",
            "Sejumlah ASN terekam ikut dalam kegiatan kampanye {paslon} pada jam kerja. Bawaslu "
            "{kab} menindaklanjuti sesuai kewenangannya.",
            "Kec. {kec}, {kab}",
            (PRE_, VOTE),
        ),
    ),
    "kampanye-ilegal": (
        (
            "Kampanye di tempat ibadah di {desa}",
            "Tim {paslon} diduga menyampaikan ajakan memilih di rumah ibadah di {desa}. Panwascam "
            "{kec} dan Bhabinkamtibmas meminta kegiatan dihentikan.",
            "{desa}, Kec. {kec}",
            (PRE_,),
        ),
        (
            "Kegiatan kampanye di luar jadwal di Kecamatan {kec}",
            "Pertemuan terbatas {paslon} digelar di luar jadwal yang ditetapkan KPU {kab}. "
            "Kegiatan dibubarkan secara persuasif.",
            "Kec. {kec}, {kab}",
            (PRE_,),
        ),
    ),
    "logistik": (
        (
            "Kekurangan surat suara di {tps}",
            "KPPS {tps} melaporkan surat suara kurang dari jumlah DPT ditambah cadangan. PPK {kec} "
            "mengirim tambahan surat suara dengan pengawalan personel.",
            "{tps}",
            (VOTE,),
        ),
        (
            "Kotak suara basah saat distribusi ke {desa}",
            "Kendaraan pengangkut logistik kehujanan di perjalanan menuju {desa}; sebagian kotak "
            "suara basah. Logistik diamankan dan diganti oleh KPU {kab}.",
            "{desa}, Kec. {kec}",
            (PRE_, VOTE),
        ),
        (
            "Keterlambatan logistik pemungutan suara di {tps}",
            "Logistik {tps} terlambat tiba karena akses jalan rusak. Personel Polsek membantu "
            "pengangkutan; pemungutan suara dimulai terlambat.",
            "{tps}",
            (VOTE,),
        ),
        (
            "Kotak suara hasil pemungutan terlambat tiba di PPK {kec}",
            "Pergeseran kotak suara dari {desa} ke PPK {kec} tertunda karena jalan longsor. Kotak "
            "suara dikawal personel hingga tiba di gudang PPK.",
            "Kantor PPK Kec. {kec}",
            (TALLY, COUNT),
        ),
    ),
    "bencana-tps": (
        (
            "{tps} tergenang banjir",
            "Hujan deras membuat {tps} tergenang. Lokasi TPS dipindahkan ke balai desa atas "
            "persetujuan PPS dan pengawas TPS.",
            "{tps}",
            (VOTE,),
        ),
        (
            "Pohon tumbang menimpa tenda {tps}",
            "Angin kencang merobohkan pohon ke tenda {tps}. Tidak ada korban jiwa; perlengkapan "
            "pemungutan suara diselamatkan.",
            "{tps}",
            (VOTE,),
        ),
    ),
    "unjuk-rasa": (
        (
            "Unjuk rasa menolak hasil rekapitulasi di Kantor KPU {kab}",
            "Sekitar {massa} orang pendukung {paslon} berunjuk rasa menolak hasil rekapitulasi di "
            "Kantor KPU {kab}. Aksi berlangsung tertib dengan pengawalan personel.",
            "Kantor KPU {kab}",
            (COUNT, LATE),
        ),
        (
            "Aksi massa di Kantor Bawaslu {kab}",
            "Sekitar {massa} orang mendatangi Kantor Bawaslu {kab} menuntut pengusutan dugaan "
            "pelanggaran pemilihan. Perwakilan massa diterima untuk audiensi.",
            "Kantor Bawaslu {kab}",
            ANY,
        ),
        (
            "Unjuk rasa menolak keputusan pencalonan di Kantor KPU {kab}",
            "Sekitar {massa} orang pendukung bakal pasangan calon yang dinyatakan tidak memenuhi "
            "syarat berunjuk rasa di Kantor KPU {kab}. Perwakilan massa diterima komisioner; aksi "
            "bubar dengan tertib.",
            "Kantor KPU {kab}",
            (PRE_,),
        ),
    ),
    "sengketa-psu": (
        (
            "Tuntutan penghitungan suara ulang di {tps}",
            "Saksi {paslon} menolak menandatangani berita acara di {tps} dan menuntut penghitungan "
            "ulang. Massa di sekitar TPS ditenangkan personel pengamanan.",
            "{tps}",
            (TALLY, COUNT),
        ),
        (
            "Keberatan saksi dalam rapat pleno PPK {kec}",
            "Rapat pleno rekapitulasi tingkat kecamatan di {kec} diskors karena keberatan saksi "
            "{paslon}. Pengamanan ruang pleno dipertebal.",
            "Kantor PPK Kec. {kec}",
            (COUNT,),
        ),
        (
            "Massa menunggu putusan sengketa hasil Pilkada {kab}",
            "Sekitar {massa} orang pendukung {paslon} berkumpul di sekitar Kantor KPU {kab} "
            "menunggu putusan Mahkamah Konstitusi atas sengketa hasil. Personel disiagakan.",
            "Kantor KPU {kab}",
            (LATE,),
        ),
        (
            "Keberatan warga dalam pemungutan suara ulang di {tps}",
            "Sekelompok warga memprotes daftar pemilih dalam pemungutan suara ulang di {tps}. "
            "PPS dan pengawas TPS menjelaskan dasar putusan; pemungutan dilanjutkan.",
            "{tps}",
            (LATE,),
        ),
    ),
    "ancaman-teror": (
        (
            "Benda mencurigakan di dekat Kantor KPU {kab}",
            "Warga menemukan tas tanpa pemilik di dekat Kantor KPU {kab}. Tim Jibom melakukan "
            "sterilisasi; benda dipastikan bukan bahan peledak.",
            "Kantor KPU {kab}",
            ANY,
        ),
        (
            "Ancaman teror melalui pesan singkat kepada penyelenggara",
            "Ketua PPK {kec} menerima pesan ancaman pembunuhan. Pengirim dilacak oleh Sat "
            "Reskrim; pengamanan melekat diberikan.",
            "Kec. {kec}, {kab}",
            ANY,
        ),
    ),
    "padam": (
        (
            "Listrik padam saat penghitungan suara di {tps}",
            "Aliran listrik padam ketika penghitungan suara berlangsung di {tps}. Penghitungan "
            "dilanjutkan dengan penerangan genset.",
            "{tps}",
            (TALLY, COUNT),
        ),
        (
            "Gangguan jaringan menghambat unggah Sirekap di Kecamatan {kec}",
            "Sinyal seluler terputus sehingga KPPS di {kec} tidak dapat mengunggah hasil ke "
            "Sirekap. Formulir dibawa ke PPK dengan pengawalan.",
            "Kec. {kec}, {kab}",
            (TALLY, COUNT),
        ),
    ),
    "kriminal-umum": (
        (
            "Pencurian sepeda motor petugas PPS di {desa}",
            "Sepeda motor milik anggota PPS {desa} hilang saat diparkir di depan sekretariat. "
            "Laporan polisi dibuat, pelaku dalam penyelidikan.",
            "{desa}, Kec. {kec}",
            ANY,
        ),
        (
            "Pencurian perlengkapan di posko pemenangan di {desa}",
            "Pengeras suara dan genset di posko {paslon} di {desa} dicuri. Olah TKP dilakukan "
            "Unit Reskrim Polsek {kec}.",
            "{desa}, Kec. {kec}",
            (PRE_, VOTE),
        ),
    ),
    "kecelakaan": (
        (
            "Kecelakaan lalu lintas saat konvoi massa pendukung di Kecamatan {kec}",
            "Dua sepeda motor peserta konvoi pendukung {paslon} bersenggolan di jalan lintas "
            "{kec}. Korban dibawa ke puskesmas; arus lalu lintas diatur Sat Lantas.",
            "Jalan lintas Kec. {kec}",
            (PRE_,),
        ),
        (
            "Kendaraan logistik pemilu terperosok di {desa}",
            "Truk pengangkut logistik terperosok di jalan tanah menuju {desa}. Personel dan warga "
            "membantu memindahkan muatan; logistik tiba dengan selamat.",
            "{desa}, Kec. {kec}",
            (PRE_, VOTE, TALLY, COUNT),
        ),
        (
            "Kecelakaan kendaraan patroli pengamanan di Kecamatan {kec}",
            "Kendaraan patroli pengamanan tergelincir di jalan licin di {kec}. Personel mendapat "
            "perawatan; patroli dilanjutkan dengan kendaraan pengganti.",
            "Jalan lintas Kec. {kec}",
            ANY,
        ),
    ),
}

FIRST_STEPS = (
    "Personel {unit} tiba di lokasi dan mengamankan TKP.",
    "Laporan diterima Pusdalops; {unit} diperintahkan mengecek lokasi.",
    "Piket fungsi {unit} mendatangi lokasi dan menghimpun keterangan saksi.",
)
MIDDLE_STEPS = (
    "Koordinasi dengan Bawaslu dan Sentra Gakkumdu {kab}.",
    "Pemeriksaan saksi; barang bukti diamankan.",
    "Mediasi dengan tokoh masyarakat dan perwakilan kedua pihak.",
    "Personel di lokasi dipertebal, patroli di sekitar lokasi ditingkatkan.",
    "Penggalangan tokoh agama dan tokoh adat agar situasi tidak meluas.",
)
LAST_STEPS = (
    "Situasi aman dan kondusif; kejadian dinyatakan selesai.",
    "Perkara dilimpahkan ke Sentra Gakkumdu; penanganan lapangan selesai.",
    "Para pihak sepakat berdamai; situasi kembali normal.",
)
