-- The tables of a Question2Answer 1.8 database that `mindwell import_q2a` reads, for
-- bench/q2a_import_bench.py. Written from the documented layout of Question2Answer's schema
-- (table and column names and types, database version 67); only the keys the importer's
-- queries use are declared. {p} is replaced by the table prefix.

CREATE TABLE {p}users (
  userid INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  created DATETIME NOT NULL,
  createip VARBINARY(16) NOT NULL,
  email VARCHAR(80) NOT NULL,
  handle VARCHAR(20) NOT NULL,
  avatarblobid BIGINT UNSIGNED NULL,
  avatarwidth SMALLINT UNSIGNED NULL,
  avatarheight SMALLINT UNSIGNED NULL,
  passsalt BINARY(16) NULL,
  passcheck BINARY(20) NULL,
  passhash VARCHAR(255) CHARACTER SET utf8 COLLATE utf8_bin NULL,
  level TINYINT UNSIGNED NOT NULL,
  loggedin DATETIME NOT NULL,
  loginip VARBINARY(16) NOT NULL,
  written DATETIME NULL,
  writeip VARBINARY(16) NULL,
  emailcode CHAR(8) CHARACTER SET ascii NOT NULL DEFAULT '',
  sessioncode CHAR(8) CHARACTER SET ascii NOT NULL DEFAULT '',
  sessionsource VARCHAR(16) CHARACTER SET ascii NULL DEFAULT '',
  flags SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  wallposts MEDIUMINT NOT NULL DEFAULT 0,
  KEY email (email),
  KEY handle (handle)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}userprofile (
  userid INT UNSIGNED NOT NULL,
  title VARCHAR(40) NOT NULL,
  content VARCHAR(8000) NOT NULL,
  UNIQUE KEY userid (userid, title)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}userfields (
  fieldid SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(40) NOT NULL,
  content VARCHAR(40) NULL,
  position SMALLINT UNSIGNED NOT NULL,
  flags TINYINT UNSIGNED NOT NULL,
  permit TINYINT UNSIGNED NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}userlevels (
  userid INT UNSIGNED NOT NULL,
  entitytype CHAR(1) CHARACTER SET ascii NOT NULL,
  entityid INT UNSIGNED NOT NULL,
  level TINYINT UNSIGNED NULL,
  UNIQUE KEY userid (userid, entitytype, entityid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}userpoints (
  userid INT UNSIGNED NOT NULL PRIMARY KEY,
  points INT NOT NULL DEFAULT 0,
  qposts MEDIUMINT NOT NULL DEFAULT 0,
  aposts MEDIUMINT NOT NULL DEFAULT 0,
  cposts MEDIUMINT NOT NULL DEFAULT 0,
  aselects MEDIUMINT NOT NULL DEFAULT 0,
  aselecteds MEDIUMINT NOT NULL DEFAULT 0,
  qupvotes MEDIUMINT NOT NULL DEFAULT 0,
  qdownvotes MEDIUMINT NOT NULL DEFAULT 0,
  aupvotes MEDIUMINT NOT NULL DEFAULT 0,
  adownvotes MEDIUMINT NOT NULL DEFAULT 0,
  cupvotes MEDIUMINT NOT NULL DEFAULT 0,
  cdownvotes MEDIUMINT NOT NULL DEFAULT 0,
  qvoteds INT NOT NULL DEFAULT 0,
  avoteds INT NOT NULL DEFAULT 0,
  cvoteds INT NOT NULL DEFAULT 0,
  upvoteds INT NOT NULL DEFAULT 0,
  downvoteds INT NOT NULL DEFAULT 0,
  bonus INT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}categories (
  categoryid INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parentid INT UNSIGNED NULL,
  title VARCHAR(80) NOT NULL,
  tags VARCHAR(200) NOT NULL,
  content VARCHAR(800) NOT NULL DEFAULT '',
  qcount INT UNSIGNED NOT NULL DEFAULT 0,
  position SMALLINT UNSIGNED NOT NULL,
  backpath VARCHAR(804) NOT NULL DEFAULT '',
  UNIQUE KEY parentid (parentid, tags)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}posts (
  postid INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  type ENUM('Q','A','C','Q_HIDDEN','A_HIDDEN','C_HIDDEN','Q_QUEUED','A_QUEUED','C_QUEUED','NOTE')
    NOT NULL,
  parentid INT UNSIGNED NULL,
  categoryid INT UNSIGNED NULL,
  catidpath1 INT UNSIGNED NULL,
  catidpath2 INT UNSIGNED NULL,
  catidpath3 INT UNSIGNED NULL,
  acount SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  amaxvote SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  selchildid INT UNSIGNED NULL,
  closedbyid INT UNSIGNED NULL,
  userid INT UNSIGNED NULL,
  cookieid BIGINT UNSIGNED NULL,
  createip VARBINARY(16) NULL,
  lastuserid INT UNSIGNED NULL,
  lastip VARBINARY(16) NULL,
  upvotes SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  downvotes SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  netvotes SMALLINT NOT NULL DEFAULT 0,
  lastviewip VARBINARY(16) NULL,
  views INT UNSIGNED NOT NULL DEFAULT 0,
  hotness FLOAT NULL,
  flagcount TINYINT UNSIGNED NOT NULL DEFAULT 0,
  format VARCHAR(20) CHARACTER SET ascii NOT NULL DEFAULT '',
  created DATETIME NOT NULL,
  updated DATETIME NULL,
  updatetype CHAR(1) CHARACTER SET ascii NULL,
  title VARCHAR(800) NULL,
  content VARCHAR(12000) NULL,
  tags VARCHAR(800) NULL,
  name VARCHAR(40) NULL,
  notify VARCHAR(80) NULL,
  KEY type (type, created),
  KEY parentid (parentid, type),
  KEY userid (userid, type, created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}words (
  wordid INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  word VARCHAR(80) NOT NULL,
  titlecount INT UNSIGNED NOT NULL DEFAULT 0,
  contentcount INT UNSIGNED NOT NULL DEFAULT 0,
  tagwordcount INT UNSIGNED NOT NULL DEFAULT 0,
  tagcount INT UNSIGNED NOT NULL DEFAULT 0,
  KEY word (word)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}posttags (
  postid INT UNSIGNED NOT NULL,
  wordid INT UNSIGNED NOT NULL,
  postcreated DATETIME NOT NULL,
  KEY postid (postid),
  KEY wordid (wordid, postcreated)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}uservotes (
  postid INT UNSIGNED NOT NULL,
  userid INT UNSIGNED NOT NULL,
  vote TINYINT NOT NULL,
  flag TINYINT NOT NULL,
  votecreated DATETIME NULL,
  voteupdated DATETIME NULL,
  UNIQUE KEY userid (userid, postid),
  KEY postid (postid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}userfavorites (
  userid INT UNSIGNED NOT NULL,
  entitytype CHAR(1) CHARACTER SET ascii NOT NULL,
  entityid INT UNSIGNED NOT NULL,
  nouserevents TINYINT UNSIGNED NOT NULL,
  PRIMARY KEY (userid, entitytype, entityid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}messages (
  messageid INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  type ENUM('PUBLIC','PRIVATE') NOT NULL DEFAULT 'PRIVATE',
  fromuserid INT UNSIGNED NULL,
  touserid INT UNSIGNED NULL,
  fromhidden TINYINT UNSIGNED NOT NULL DEFAULT 0,
  tohidden TINYINT UNSIGNED NOT NULL DEFAULT 0,
  content VARCHAR(12000) NOT NULL,
  format VARCHAR(20) CHARACTER SET ascii NOT NULL,
  created DATETIME NOT NULL,
  KEY touserid (touserid, type, created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}blobs (
  blobid BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  format VARCHAR(20) CHARACTER SET ascii NOT NULL,
  content MEDIUMBLOB NULL,
  filename VARCHAR(255) NULL,
  userid INT UNSIGNED NULL,
  cookieid BIGINT UNSIGNED NULL,
  createip VARBINARY(16) NULL,
  created DATETIME NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE {p}options (
  title VARCHAR(40) NOT NULL PRIMARY KEY,
  content VARCHAR(12000) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
